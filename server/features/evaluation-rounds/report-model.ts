import type { Locale } from '../../errors.js';
import type { CriterionResult, CriterionStatus } from '../../../domain/criteria/index.js';
import type { AwardRow, RankRow } from '../../../domain/evaluation-rounds/ranking.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { formatDateVi } from '../../../domain/text/format.js';
import { reportText, type ReportText } from './report-locales.js';

/*
 * One neutral description of a report (header, numbered tables, signature block) that both the HTML and the XLSX
 * renderers draw, so the two formats never disagree on content.
 */

export type CellKind = 'text' | 'int' | 'dec';
export type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  kind: CellKind;
  /** Width in characters (XLSX); the HTML scales from it. */
  width: number;
  /** Short codes that must not wrap (AWR-1). */
  nowrap?: boolean;
}

export interface ReportTable {
  caption: string;
  columns: ReportColumn[];
  rows: Cell[][];
}

export interface ReportDocument {
  locale: Locale;
  superior: string;
  issuer: string;
  dateLine: string;
  title: string;
  draft: string | null;
  lines: string[];
  tables: ReportTable[];
  note: string | null;
  emptyText: string;
  signature: { left: string; leftHint: string; right: string; rightHint: string };
  motto: { country: string; motto: string };
}

export interface ReportRound {
  id: number;
  name: string;
  assessmentDate: string;
  deadline: string;
  criteriaSetName: string;
  status: string;
}

/** "Thành phố Hồ Chí Minh" → "Hồ Chí Minh": the place line names the locality without its type. */
function placeName(unitName: string): string {
  return unitName.replace(/^(Thành phố|Tỉnh|Phường|Xã|Thị trấn|Đặc khu|Quận|Huyện|Thị xã)\s+/u, '');
}

/** The "…, ngày dd tháng MM năm yyyy" line for the instant the report is made, on Vietnam's calendar. */
function dateLine(t: ReportText, place: string, now: Date): string {
  const [yyyy, mm, dd] = isoDateInVietnam(now).split('-');
  return t('dateLine', { place, dd, mm, yyyy });
}

function share(met: number, applicable: number): number {
  return applicable === 0 ? 0 : Math.round((met / applicable) * 1000) / 10;
}

function baseDocument(
  locale: Locale,
  now: Date,
  head: { superior: string; issuer: string; place: string },
  title: string,
  draft: boolean,
  lines: string[],
): ReportDocument {
  const t = reportText(locale);
  return {
    locale,
    superior: head.superior.toLocaleUpperCase('vi'),
    issuer: head.issuer.toLocaleUpperCase('vi'),
    dateLine: dateLine(t, head.place, now),
    title,
    draft: draft ? t('draft') : null,
    lines,
    tables: [],
    note: null,
    emptyText: t('noRows'),
    signature: {
      left: t('signLeft'),
      leftHint: t('signLeftHint'),
      right: t('signRight'),
      rightHint: t('signRightHint'),
    },
    motto: { country: t('mottoCountry'), motto: t('mottoMotto') },
  };
}

function roundLines(t: ReportText, round: ReportRound): string[] {
  return [
    t('roundLine', { name: round.name }),
    t('dateInfo', {
      date: formatDateVi(round.assessmentDate),
      set: round.criteriaSetName,
      deadline: formatDateVi(round.deadline),
    }),
  ];
}

function statusText(t: ReportText, status: string | null): string {
  switch (status) {
    case 'submitted':
      return t('statusSubmitted');
    case 'returned':
      return t('statusReturned');
    case 'approved':
      return t('statusApproved');
    default:
      return t('statusNone');
  }
}

/** The verdict columns the city ranking and the ward summary share, in the same order. */
function verdictColumns(t: ReportText): ReportColumn[] {
  return [
    { header: t('colMet'), kind: 'int', width: 11 },
    { header: t('colApplicable'), kind: 'int', width: 11 },
    { header: t('colShare'), kind: 'dec', width: 11 },
    { header: t('colStandard'), kind: 'text', width: 11 },
    { header: t('colGap'), kind: 'int', width: 12 },
    { header: t('colRank'), kind: 'int', width: 9 },
  ];
}

function verdictCells(
  t: ReportText,
  r: { met: number; applicable: number; meetsStandard: boolean; totalGap: number; rank: number | null },
): Cell[] {
  return [
    r.met,
    r.applicable,
    share(r.met, r.applicable),
    r.meetsStandard ? t('yes') : t('no'),
    r.totalGap,
    r.rank,
  ];
}

function awardText(t: ReportText, award: AwardRow | undefined): string {
  if (!award) return '';
  return award.award === 'excellent' ? t('awardExcellent') : t('awardStandard');
}

function rankingTable(t: ReportText, n: number, ranking: RankRow[], awards: AwardRow[]): ReportTable {
  return {
    caption: t('tableRanking', { n }),
    columns: [
      { header: t('colNo'), kind: 'int', width: 6 },
      { header: t('colHamlet'), kind: 'text', width: 26 },
      { header: t('colWard'), kind: 'text', width: 22 },
      ...verdictColumns(t),
      { header: t('colAward'), kind: 'text', width: 30 },
    ],
    rows: ranking.map((r, i) => [
      i + 1,
      r.hamletName,
      r.wardName,
      ...verdictCells(t, r),
      awardText(
        t,
        awards.find((a) => a.hamletId === r.hamletId),
      ),
    ]),
  };
}

export interface CityReportInput {
  round: ReportRound;
  superior: string;
  issuer: string;
  published: boolean;
  ranking: RankRow[];
  awards: AwardRow[];
  excludedWards: Array<{ wardName: string; status: string }>;
}

export function cityReport(locale: Locale, now: Date, input: CityReportInput): ReportDocument {
  const t = reportText(locale);
  const doc = baseDocument(
    locale,
    now,
    { superior: input.superior, issuer: input.issuer, place: placeName(input.superior) },
    t('cityTitle'),
    !input.published,
    roundLines(t, input.round),
  );
  doc.tables.push(rankingTable(t, 1, input.ranking, input.awards));
  doc.tables.push({
    caption: t('tableAwards', { n: 2 }),
    columns: [
      { header: t('colNo'), kind: 'int', width: 6 },
      { header: t('colHamlet'), kind: 'text', width: 26 },
      { header: t('colWard'), kind: 'text', width: 22 },
      { header: t('colAward'), kind: 'text', width: 34 },
      { header: t('colReason'), kind: 'text', width: 36 },
    ],
    rows: input.awards.map((a, i) => [
      i + 1,
      a.hamletName,
      a.wardName,
      awardText(t, a),
      a.reason === 'top_ranked_full_standard' ? t('reasonTop') : t('reasonFull'),
    ]),
  });
  doc.tables.push({
    caption: t('tableExcluded', { n: 3 }),
    columns: [
      { header: t('colNo'), kind: 'int', width: 6 },
      { header: t('colWard'), kind: 'text', width: 30 },
      { header: t('colStatus'), kind: 'text', width: 20 },
    ],
    rows: input.excludedWards.map((w, i) => [i + 1, w.wardName, statusText(t, w.status)]),
  });
  doc.note = t('ruleNote');
  return doc;
}

export interface WardReportHamlet {
  hamletId: number;
  hamletName: string;
  rank: number | null;
  met: number;
  applicable: number;
  meetsStandard: boolean;
  totalGap: number;
  criteria: CriterionResult[];
}

export interface WardReportInput {
  round: ReportRound;
  superior: string;
  wardName: string;
  published: boolean;
  submissionStatus: string | null;
  hamlets: WardReportHamlet[];
  criterionNames: Map<string, string>;
}

function criterionStatusText(t: ReportText, status: CriterionStatus): string {
  if (status === 'met') return t('critMet');
  if (status === 'not_met') return t('critNotMet');
  if (status === 'not_applicable') return t('critNotApplicable');
  return t('critNotAssessable');
}

const COMPARATOR_SIGNS: Record<string, string> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

function targetText(c: CriterionResult): string {
  const target = c.target as {
    comparator?: string;
    percent?: number;
    value?: number;
    equals?: boolean;
  } | null;
  if (!target) return '';
  if (typeof target.equals === 'boolean') return target.equals ? '✓' : '✗';
  const sign = COMPARATOR_SIGNS[target.comparator ?? ''] ?? target.comparator ?? '';
  if (typeof target.percent === 'number') return `${sign} ${String(target.percent).replace('.', ',')}%`;
  if (typeof target.value === 'number') return `${sign} ${target.value}`;
  return '';
}

/** Ranked hamlets first, best first; unranked ones (not approved, or results not visible) after, by name. */
function byRank(
  a: { rank: number | null; hamletName: string },
  b: { rank: number | null; hamletName: string },
) {
  return (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.hamletName.localeCompare(b.hamletName, 'vi');
}

export function wardReport(locale: Locale, now: Date, input: WardReportInput): ReportDocument {
  const t = reportText(locale);
  const doc = baseDocument(
    locale,
    now,
    {
      superior: input.superior,
      issuer: t('wardIssuer', { ward: input.wardName }),
      place: placeName(input.wardName),
    },
    t('wardTitle'),
    !input.published,
    [
      ...roundLines(t, input.round),
      t('wardLine', { ward: input.wardName, status: statusText(t, input.submissionStatus) }),
    ],
  );
  doc.tables.push({
    caption: t('tableWardSummary', { n: 1 }),
    columns: [
      { header: t('colNo'), kind: 'int', width: 6 },
      { header: t('colHamlet'), kind: 'text', width: 28 },
      ...verdictColumns(t),
    ],
    rows: [...input.hamlets].sort(byRank).map((h, i) => [i + 1, h.hamletName, ...verdictCells(t, h)]),
  });
  [...input.hamlets].sort(byRank).forEach((h, index) => {
    doc.tables.push({
      caption: t('tableCriteria', { n: index + 2, hamlet: h.hamletName }),
      columns: [
        { header: t('colNo'), kind: 'int', width: 6 },
        { header: t('colCode'), kind: 'text', width: 10, nowrap: true },
        { header: t('colCriterion'), kind: 'text', width: 44 },
        { header: t('colValue'), kind: 'dec', width: 11 },
        { header: t('colTarget'), kind: 'text', width: 11, nowrap: true },
        { header: t('colResult'), kind: 'text', width: 16 },
        { header: t('colCriterionGap'), kind: 'int', width: 11 },
      ],
      rows: h.criteria.map((c, i) => [
        i + 1,
        c.code,
        input.criterionNames.get(c.code) ?? c.code,
        c.percent === null ? null : Math.round(c.percent * 10) / 10,
        targetText(c),
        criterionStatusText(t, c.status),
        c.status === 'met' ? null : c.gap,
      ]),
    });
  });
  return doc;
}
