import { formatNumberVi } from '../../../domain/text/format.js';
import type { Cell, CellKind, ReportDocument } from './report-model.js';

/*
 * A print-ready A4 page in the Vietnamese administrative layout (Nghị định 30/2020: motto top right, issuing unit
 * top left, place and date, numbered tables, signature block). Self-contained: no script, no external font or
 * style, so printing to PDF in Chromium needs nothing else. Every text goes through escapeHtml.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function cellText(value: Cell, kind: CellKind, locale: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    const digits = kind === 'dec' ? 1 : 0;
    return locale === 'en'
      ? new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }).format(value)
      : formatNumberVi(value, digits);
  }
  return value;
}

const STYLE = `
@page { size: A4; margin: 20mm 15mm 20mm 25mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif", serif; font-size: 13pt;
  color: #000; margin: 0; line-height: 1.35; }
main { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
.head { display: grid; grid-template-columns: 1fr 1.35fr; gap: 4mm; text-align: center; }
.head p { margin: 0; }
.issuer, .country { font-weight: bold; }
.motto { font-weight: bold; text-decoration: underline; text-underline-offset: 3px; }
.date { text-align: right; font-style: italic; margin: 4mm 0 6mm; }
h1 { font-size: 14pt; text-align: center; margin: 4mm 0 1mm; }
.draft { text-align: center; font-style: italic; margin: 0 0 2mm; }
.lines p { margin: 0.5mm 0; text-align: center; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { font-weight: bold; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
td.code { white-space: nowrap; }
td.empty { text-align: center; font-style: italic; }
.note { font-style: italic; font-size: 11pt; margin-top: 3mm; }
.sign { display: grid; grid-template-columns: 1fr 1fr; text-align: center; margin-top: 10mm; page-break-inside: avoid; }
.sign p { margin: 0; }
.sign .role { font-weight: bold; }
.sign .hint { font-style: italic; margin-bottom: 24mm; }
@media screen { body { background: #eee; } main { background: #fff; padding: 20mm 15mm 20mm 25mm; max-width: 210mm; } }
`;

export function renderReportHtml(doc: ReportDocument): string {
  const e = escapeHtml;
  const tables = doc.tables
    .map((table) => {
      const head = table.columns.map((c) => `<th>${e(c.header)}</th>`).join('');
      const body =
        table.rows.length === 0
          ? `<tr><td class="empty" colspan="${table.columns.length}">${e(doc.emptyText)}</td></tr>`
          : table.rows
              .map(
                (row) =>
                  `<tr>${row
                    .map((value, i) => {
                      const { kind, nowrap } = table.columns[i];
                      const cls = kind !== 'text' ? ' class="num"' : nowrap ? ' class="code"' : '';
                      return `<td${cls}>${e(cellText(value, kind, doc.locale))}</td>`;
                    })
                    .join('')}</tr>`,
              )
              .join('\n');
      return `<section><h2>${e(table.caption)}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${doc.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header class="head">
  <div><p>${e(doc.superior)}</p><p class="issuer">${e(doc.issuer)}</p></div>
  <div><p class="country">${e(doc.motto.country)}</p><p class="motto">${e(doc.motto.motto)}</p></div>
</header>
<p class="date">${e(doc.dateLine)}</p>
<h1>${e(doc.title)}</h1>
${doc.draft ? `<p class="draft">${e(doc.draft)}</p>` : ''}
<div class="lines">${doc.lines.map((l) => `<p>${e(l)}</p>`).join('')}</div>
${tables}
${doc.note ? `<p class="note">${e(doc.note)}</p>` : ''}
<footer class="sign">
  <div><p class="role">${e(doc.signature.left)}</p><p class="hint">${e(doc.signature.leftHint)}</p></div>
  <div><p class="role">${e(doc.signature.right)}</p><p class="hint">${e(doc.signature.rightHint)}</p></div>
</footer>
</main>
</body>
</html>
`;
}
