import ExcelJS from 'exceljs';
import type { ReportDocument } from './report-model.js';

/*
 * The same report as a workbook: the administrative header rows (issuing unit left, motto right), title, numbered
 * tables with borders and column widths, and the signature block. Numbers stay numbers; the format codes
 * '#,##0' and '#,##0.0' are the file format's fixed notation, which Excel and LibreOffice display with the reader's
 * separators, i.e. 1.234,5 on a Vietnamese system.
 */

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const FONT = 'Times New Roman';

export async function renderReportXlsx(doc: ReportDocument, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Khu phố số';
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const span = Math.max(...doc.tables.map((t) => t.columns.length), 6);
  const widths = new Array<number>(span).fill(10);
  for (const table of doc.tables)
    table.columns.forEach((c, i) => {
      widths[i] = Math.max(widths[i], c.width);
    });
  sheet.columns = widths.map((width) => ({ width }));
  const half = Math.floor(span / 2);

  let row = 1;
  const put = (
    text: string,
    from: number,
    to: number,
    style: {
      bold?: boolean;
      italic?: boolean;
      underline?: boolean;
      align?: 'left' | 'center' | 'right';
    } = {},
  ) => {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, bold: style.bold, italic: style.italic, underline: style.underline };
    cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
  };

  put(doc.superior, 1, half, {});
  put(doc.motto.country, half + 1, span, { bold: true });
  row += 1;
  put(doc.issuer, 1, half, { bold: true });
  put(doc.motto.motto, half + 1, span, { bold: true, underline: true });
  row += 2;
  put(doc.dateLine, 1, span, { italic: true, align: 'right' });
  row += 2;
  put(doc.title, 1, span, { bold: true });
  row += 1;
  if (doc.draft) {
    put(doc.draft, 1, span, { italic: true });
    row += 1;
  }
  for (const line of doc.lines) {
    put(line, 1, span, {});
    row += 1;
  }

  for (const table of doc.tables) {
    row += 1;
    put(table.caption, 1, span, { bold: true, align: 'left' });
    row += 1;
    table.columns.forEach((c, i) => {
      const cell = sheet.getCell(row, i + 1);
      cell.value = c.header;
      cell.font = { name: FONT, size: 11, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    });
    // Headers wrap onto two lines ("Số tiêu chí / áp dụng"); Excel does not grow merged or wrapped rows itself.
    sheet.getRow(row).height = 32;
    row += 1;
    if (table.rows.length === 0) {
      put(doc.emptyText, 1, table.columns.length, { italic: true });
      row += 1;
    }
    for (const values of table.rows) {
      values.forEach((value, i) => {
        const kind = table.columns[i].kind;
        const cell = sheet.getCell(row, i + 1);
        cell.value = value === '' ? null : value;
        cell.font = { name: FONT, size: 11 };
        cell.border = BORDER;
        if (typeof value === 'number') {
          cell.numFmt = kind === 'dec' ? '#,##0.0' : '#,##0';
          cell.alignment = { horizontal: 'right', vertical: 'top' };
        } else {
          cell.alignment = {
            horizontal: kind === 'text' ? 'left' : 'right',
            vertical: 'top',
            wrapText: true,
          };
        }
      });
      row += 1;
    }
  }
  if (doc.note) {
    row += 1;
    put(doc.note, 1, span, { italic: true, align: 'left' });
    sheet.getRow(row).height = 32;
    row += 1;
  }
  row += 2;
  put(doc.signature.left, 1, half, { bold: true });
  put(doc.signature.right, half + 1, span, { bold: true });
  row += 1;
  put(doc.signature.leftHint, 1, half, { italic: true });
  put(doc.signature.rightHint, half + 1, span, { italic: true });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
