import { HOUSEHOLD_IMPORT_COLUMNS, type ImportColumn } from './import-columns.js';
import { fastHousehold } from './import-fastpath.js';
import { foldName } from './import-fold.js';
import { exactCell, parseCell } from './import-values.js';
import {
  checkHouseholdPlausibility,
  HOUSEHOLD_FLAGS,
  HouseholdInputSchema,
  RESIDENT_FLAGS,
  type HouseholdInput,
} from './schemas.js';

/*
 * Turns the rows of one household in the households template (one row per resident, household columns repeated)
 * into a HouseholdInput validated by the shared schema, or into row/column errors. Pure: the importer streams a
 * file through this one household at a time, so a million rows never sit in memory at once.
 */

/** One data row: its spreadsheet row number (the header is row 1) and its cells in layout column order. */
export interface ImportRow {
  row: number;
  cells: string[];
}

/** A problem with one cell or row; `code` is an error-messages code, params fill its message. */
export interface ImportIssue {
  row: number;
  /** The Vietnamese header of the column, or '' for the whole row. */
  column: string;
  code: string;
  params: Record<string, string | number>;
  /** English params when they differ from the Vietnamese ones (reasons, accepted spellings). */
  paramsEn?: Record<string, string | number>;
}

const COLUMNS = HOUSEHOLD_IMPORT_COLUMNS;
const HOUSEHOLD_INDEXES = COLUMNS.flatMap((c, i) => (c.household ? [i] : []));
const MEMBER_INDEXES = COLUMNS.flatMap((c, i) => (c.household ? [] : [i]));
const LOCAL_CODE = COLUMNS.findIndex((c) => c.field === 'localCode');
const memberColumn = new Map(MEMBER_INDEXES.map((i) => [COLUMNS[i].field, COLUMNS[i]]));
const householdColumn = new Map(HOUSEHOLD_INDEXES.map((i) => [COLUMNS[i].field, COLUMNS[i]]));

/** Messages of the shared schema's cross-field rules, for the importer's error list. */
const RULES: Record<string, { vi: string; en: string }> = {
  birth_date_not_in_birth_year: {
    vi: 'ngày sinh không thuộc năm sinh',
    en: 'the birth date is not in the birth year',
  },
  needs_online_public_service_account: {
    vi: '"Biết dùng DVC" cần "Có tài khoản DVC"',
    en: '"can use online public services" needs an account',
  },
  more_than_one_head: { vi: 'hộ có nhiều hơn một chủ hộ', en: 'the household has more than one head' },
  birth_year_in_future: { vi: 'năm sinh ở tương lai', en: 'the birth year is in the future' },
  birth_year_implausible: {
    vi: 'năm sinh không hợp lý (quá 120 tuổi)',
    en: 'implausible birth year (over 120 years)',
  },
  birth_date_in_future: { vi: 'ngày sinh ở tương lai', en: 'the birth date is in the future' },
};

/**
 * The member match key within a household: the name folded like search folds it (no diacritics, case or extra
 * spaces: "Nguyễn Văn  A" and "nguyen van a" are one person) and the birth year. Registers are retyped by hand,
 * often without accents; such a row is the same member with a corrected name, not a new one.
 */
export function memberKeyOf(fullName: string, birthYear: number): string {
  return `${foldName(fullName)}|${birthYear}`;
}

/** The local code of a row ('' when blank), the key rows are grouped by. */
export function localCodeOf(row: ImportRow): string {
  return (row.cells[LOCAL_CODE] ?? '').trim();
}

const HOUSEHOLD_REST = HOUSEHOLD_INDEXES.filter((i) => i !== LOCAL_CODE);

/** Most cells are either empty or start with a letter or digit: trim only when an edge could be a space. */
function isBlankCell(cell: string | undefined): boolean {
  return cell === undefined || cell === '' || cell.trim() === '';
}

function isBlank(row: ImportRow, indexes: number[]): boolean {
  for (const i of indexes) if (!isBlankCell(row.cells[i])) return false;
  return true;
}

/** A later row repeats the household columns exactly as typed (the template's layout): nothing to compare. */
function repeatsHousehold(row: ImportRow, first: ImportRow): boolean {
  for (const i of HOUSEHOLD_REST) if (row.cells[i] !== first.cells[i]) return false;
  return true;
}

function readCells(row: ImportRow, indexes: number[], issues: ImportIssue[]): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  let good = true;
  for (const i of indexes) {
    const column: ImportColumn = COLUMNS[i];
    const raw = row.cells[i] ?? '';
    // A blank cell is unknown whatever its type (parseCell's first rule), without a result object per cell.
    if (raw === '') {
      // An unknown birth date is left out rather than deleted later: delete would make the object slow.
      if (column.field !== 'birthDate') out[column.field] = null;
      continue;
    }
    const exact = exactCell(column.type, raw);
    if (exact !== undefined) {
      out[column.field] = exact;
      continue;
    }
    const parsed = parseCell(column.type, raw);
    if (!parsed.ok) {
      good = false;
      issues.push({
        row: row.row,
        column: column.header,
        code: 'SURVEY_IMPORT_VALUE_INVALID',
        params: { value: raw.trim(), column: column.header, expected: parsed.expected.vi },
        paramsEn: { value: raw.trim(), column: column.header, expected: parsed.expected.en },
      });
    } else if (parsed.value !== null || column.field !== 'birthDate') out[column.field] = parsed.value;
  }
  return good ? out : null;
}

function required(
  row: ImportRow,
  fields: Record<string, unknown>,
  names: string[],
  issues: ImportIssue[],
): boolean {
  let good = true;
  for (const name of names) {
    if (fields[name] !== null && fields[name] !== undefined) continue;
    const header = (memberColumn.get(name) ?? householdColumn.get(name))!.header;
    issues.push({ row: row.row, column: header, code: 'IMPORT_VALUE_REQUIRED', params: { column: header } });
    good = false;
  }
  return good;
}

/**
 * Assembles and validates one household from its rows (all with the same local code, in file order). Returns the
 * validated household with each member's row number, or null with the issues found. The first row sets the
 * household columns; a later row may leave them blank or repeat them, but different values are an error on it.
 */
export function assembleHousehold(
  rows: ImportRow[],
  today: string,
  issues: ImportIssue[],
): { household: HouseholdInput; memberRows: number[] } | null {
  const before = issues.length;
  const first = rows[0];
  const household = readCells(first, HOUSEHOLD_INDEXES, issues);
  if (household) required(first, household, ['residency'], issues);
  const firstCells = HOUSEHOLD_INDEXES.map((i) => first.cells[i]?.trim() ?? '');
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (repeatsHousehold(row, first) || isBlank(row, HOUSEHOLD_REST)) continue;
    const differing = HOUSEHOLD_INDEXES.find((i, k) => (row.cells[i]?.trim() ?? '') !== firstCells[k]);
    if (differing === undefined) continue;
    issues.push({
      row: row.row,
      column: COLUMNS[differing].header,
      code: 'SURVEY_IMPORT_HOUSEHOLD_CONFLICT',
      params: { code: localCodeOf(first), firstRow: first.row },
    });
  }

  const members: Array<Record<string, unknown>> = [];
  const memberRows: number[] = [];
  const keys = new Map<string, number>();
  for (const row of rows) {
    if (isBlank(row, MEMBER_INDEXES)) continue;
    const member = readCells(row, MEMBER_INDEXES, issues);
    if (!member || !required(row, member, ['fullName', 'birthYear', 'sex'], issues)) continue;
    member.residency ??= household?.residency ?? null;
    member.isHead ??= false;
    for (const flag of RESIDENT_FLAGS) member[flag] ??= null;
    const key = memberKeyOf(String(member.fullName), Number(member.birthYear));
    const seen = keys.get(key);
    if (seen !== undefined) {
      issues.push({
        row: row.row,
        column: 'Họ và tên',
        code: 'SURVEY_IMPORT_MEMBER_DUPLICATE',
        params: { name: String(member.fullName), firstRow: seen },
      });
      continue;
    }
    keys.set(key, row.row);
    members.push(member);
    memberRows.push(row.row);
  }
  if (!household || issues.length > before) return null;

  for (const flag of HOUSEHOLD_FLAGS) household[flag] ??= null;
  // An ordinary household skips zod; anything unusual gets the schema's own verdict and messages.
  const fast = fastHousehold(household, members);
  const parsed = fast
    ? { success: true as const, data: fast }
    : HouseholdInputSchema.safeParse({ ...household, members });
  const ruleIssue = (path: PropertyKey[], message: string) => {
    const memberIndex = path[0] === 'members' && typeof path[1] === 'number' ? path[1] : null;
    const field = String(memberIndex === null ? path[0] : path[2]);
    const column = (memberIndex === null ? householdColumn : memberColumn).get(field)?.header ?? '';
    const rule = RULES[message] ?? { vi: message, en: message };
    issues.push({
      row: memberIndex === null ? first.row : memberRows[memberIndex],
      column,
      code: 'SURVEY_IMPORT_RULE',
      params: { reason: rule.vi },
      paramsEn: { reason: rule.en },
    });
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ruleIssue(issue.path, issue.message);
    return null;
  }
  const plausibility = checkHouseholdPlausibility(parsed.data, today);
  for (const issue of plausibility) ruleIssue(issue.path, issue.message);
  if (plausibility.length > 0) return null;
  return { household: parsed.data, memberRows };
}

/** The values that decide "changed or not" for a household, in a fixed order (members keyed, not positional). */
export function householdCanon(h: Omit<HouseholdInput, 'members'>): string {
  return JSON.stringify([
    h.address ?? null,
    h.street ?? null,
    h.residency,
    ...HOUSEHOLD_FLAGS.map((f) => h[f] ?? null),
  ]);
}

/** The values that decide "changed or not" for a member. */
export function memberCanon(m: Omit<HouseholdInput['members'][number], 'uid'>): string {
  return JSON.stringify([
    m.fullName,
    m.birthYear,
    m.birthDate ?? null,
    m.sex,
    m.residency,
    m.isHead ? 1 : 0,
    m.vneidLevel ?? null,
    ...RESIDENT_FLAGS.map((f) => m[f] ?? null),
  ]);
}
