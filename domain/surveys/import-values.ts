import { foldVietnamese } from '../text/fold.js';
import { parseDateVi } from '../text/format.js';
import type { CellType } from './import-columns.js';

/*
 * Reading one spreadsheet cell (issue 4 §6): the spellings people really type in ward registers are accepted,
 * anything else is refused with the list of what would have been accepted — never guessed. Cells arrive as text
 * (Excel numbers and dates stored as text included); a blank cell is "unknown" (null).
 */

export type CellResult = { ok: true; value: unknown } | { ok: false; expected: { vi: string; en: string } };

const ok = (value: unknown): CellResult => ({ ok: true, value });
const bad = (vi: string, en: string): CellResult => ({ ok: false, expected: { vi, en } });

const YES = new Set(['co', 'x', '1', 'c', 'yes', 'y', 'true']);
const NO = new Set(['khong', '0', 'k', 'no', 'n', 'false']);
const MALE = new Set(['nam', 'm', 'male']);
const FEMALE = new Set(['nu', 'f', 'female']);
const PERMANENT = new Set(['thuong tru', 'tt', 'permanent']);
const TEMPORARY = new Set(['tam tru', 'temporary']);
const VNEID: Record<string, number> = {
  'muc 2': 2,
  '2': 2,
  'muc 1': 1,
  '1': 1,
  'chua co': 0,
  '0': 0,
  khong: 0,
};
const BUSINESS_KINDS: Record<string, string> = {
  'cua hang': 'shop',
  shop: 'shop',
  'ho kinh doanh': 'household_business',
  household_business: 'household_business',
  'nong trai': 'farm',
  farm: 'farm',
  'hop tac xa': 'cooperative',
  htx: 'cooperative',
  cooperative: 'cooperative',
  khac: 'other',
  other: 'other',
};

const FOLDED = new Set<CellType>(['yesNo', 'sex', 'residency', 'vneid', 'businessKind']);
export const EXACT: Partial<Record<CellType, Map<string, unknown>>> = {
  yesNo: new Map<string, unknown>([
    ['Có', true],
    ['Không', false],
    ['x', true],
    ['1', true],
    ['0', false],
  ]),
  sex: new Map([
    ['Nam', 'male'],
    ['Nữ', 'female'],
  ]),
  residency: new Map([
    ['Thường trú', 'permanent'],
    ['Tạm trú', 'temporary'],
  ]),
  vneid: new Map<string, unknown>([
    ['Mức 2', 2],
    ['Mức 1', 1],
    ['Chưa có', 0],
  ]),
};

/**
 * The value of a cell typed exactly as the template spells it ("Có", "Nam", "Mức 2"), or undefined: the importer's
 * shortcut past parseCell for the cells that make up nearly all of a register. Same values as parseCell.
 */
export function exactCell(type: CellType, raw: string): unknown {
  // Comparisons with the constants, not EXACT's maps: a map lookup hashes each fresh cell string first, and a
  // million-resident file has twelve million such cells. A test checks both agree on every EXACT entry.
  switch (type) {
    case 'yesNo':
      return raw === 'Có' || raw === 'x' || raw === '1'
        ? true
        : raw === 'Không' || raw === '0'
          ? false
          : undefined;
    case 'sex':
      return raw === 'Nam' ? 'male' : raw === 'Nữ' ? 'female' : undefined;
    case 'residency':
      return raw === 'Thường trú' ? 'permanent' : raw === 'Tạm trú' ? 'temporary' : undefined;
    case 'vneid':
      return raw === 'Mức 2' ? 2 : raw === 'Mức 1' ? 1 : raw === 'Chưa có' ? 0 : undefined;
    case 'year':
      return fourDigitYear(raw);
    case 'date':
      return dayMonthYear(raw);
    default:
      return undefined;
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** "1985" exactly (no spaces, no ".0"), as parseCell reads it; undefined for anything else. */
function fourDigitYear(raw: string): number | undefined {
  if (raw.length !== 4) return undefined;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const code = raw.charCodeAt(i);
    if (!isDigit(code)) return undefined;
    year = year * 10 + code - 48;
  }
  return year;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * "dd/MM/yyyy" exactly, the template's own date spelling, as the ISO date parseCell would give (a date that does
 * not exist, such as 30/02/2001, is left to parseCell and its error); undefined for anything else.
 */
function dayMonthYear(raw: string): string | undefined {
  if (raw.length !== 10 || raw.charCodeAt(2) !== 47 || raw.charCodeAt(5) !== 47) return undefined;
  for (const i of [0, 1, 3, 4, 6, 7, 8, 9]) if (!isDigit(raw.charCodeAt(i))) return undefined;
  const day = Number(raw.slice(0, 2));
  const month = Number(raw.slice(3, 5));
  const year = Number(raw.slice(6, 10));
  // Years before 1000 go the long way (Date.UTC reads 0–99 as 1900–1999, and parseCell refuses them).
  if (month < 1 || month > 12 || day < 1 || year < 1000) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  return `${raw.slice(6, 10)}-${raw.slice(3, 5)}-${raw.slice(0, 2)}`;
}

/** Excel's day 0 is 1899-12-30 (it counts the non-existent 29/02/1900). Serials this large are 1900–2199. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 109_574) return null;
  return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
}

/** A number written with a dot or a comma as the decimal separator ("11,0412"), as Excel-text or typed. */
function parseDecimal(text: string): number | null {
  const normal = text.replace(/\s/g, '').replace(',', '.');
  if (!/^[+-]?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

/**
 * Reads one cell of the given type. Returns null for a blank cell (the caller decides whether blank is allowed),
 * the parsed value, or the accepted spellings in Vietnamese and English for an error message.
 */
export function parseCell(type: CellType, raw: string): CellResult {
  const text = raw.trim();
  if (text === '') return ok(null);
  if (type === 'text') return ok(/\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ') : text);
  // The template's own spellings are looked up as typed; folding is only for the rarer variants.
  const exact = EXACT[type]?.get(text);
  if (exact !== undefined) return ok(exact);
  const key = FOLDED.has(type) ? foldVietnamese(text).replace(/\.$/, '') : '';
  switch (type) {
    case 'yesNo':
      if (YES.has(key)) return ok(true);
      if (NO.has(key)) return ok(false);
      return bad('Có, Không, x, 1, 0 hoặc để trống', 'Có, Không, x, 1, 0 or blank');
    case 'sex':
      if (MALE.has(key)) return ok('male');
      if (FEMALE.has(key)) return ok('female');
      return bad('Nam hoặc Nữ', 'Nam or Nữ (male or female)');
    case 'residency':
      if (PERMANENT.has(key)) return ok('permanent');
      if (TEMPORARY.has(key)) return ok('temporary');
      return bad('Thường trú hoặc Tạm trú', 'Thường trú or Tạm trú (permanent or temporary)');
    case 'vneid':
      if (key in VNEID) return ok(VNEID[key]);
      return bad('Mức 2, Mức 1, Chưa có (hoặc 2, 1, 0)', 'Mức 2, Mức 1, Chưa có (or 2, 1, 0)');
    case 'year': {
      if (/^\d{4}$/.test(text)) return ok(Number(text));
      // "1985.0" is what an Excel number cell turns into when saved as text by some tools.
      const m = /^(\d{4})(\.0+)?$/.exec(text);
      if (m) return ok(Number(m[1]));
      return bad('năm bốn chữ số, ví dụ 1985', 'a four-digit year, e.g. 1985');
    }
    case 'date': {
      const iso =
        /^\d{1,6}$/.test(text) && Number(text) > 9999 ? excelSerialToIso(Number(text)) : parseDateVi(text);
      if (iso) return ok(iso);
      return bad('ngày dạng dd/MM/yyyy hoặc yyyy-MM-dd', 'a date as dd/MM/yyyy or yyyy-MM-dd');
    }
    case 'number': {
      const n = parseDecimal(text);
      if (n !== null) return ok(n);
      return bad('một số thập phân, ví dụ 11.0412', 'a decimal number, e.g. 11.0412');
    }
    case 'stars': {
      const n = parseDecimal(text);
      if (n !== null && Number.isInteger(n) && n >= 1 && n <= 5) return ok(n);
      return bad('số sao từ 1 đến 5', 'a star count from 1 to 5');
    }
    case 'businessKind':
      if (key in BUSINESS_KINDS) return ok(BUSINESS_KINDS[key]);
      return bad(
        'Cửa hàng, Hộ kinh doanh, Nông trại, Hợp tác xã hoặc Khác',
        'Cửa hàng, Hộ kinh doanh, Nông trại, Hợp tác xã or Khác',
      );
  }
}

/** The template's spelling of a value, the inverse of parseCell, for exports and example rows. */
export function formatCell(type: CellType, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'yesNo':
      return value === true || value === 1 ? 'Có' : 'Không';
    case 'sex':
      return value === 'male' ? 'Nam' : 'Nữ';
    case 'residency':
      return value === 'permanent' ? 'Thường trú' : 'Tạm trú';
    case 'vneid':
      return value === 2 ? 'Mức 2' : value === 1 ? 'Mức 1' : 'Chưa có';
    case 'date': {
      const s = String(value);
      return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
    }
    case 'businessKind': {
      const names: Record<string, string> = {
        shop: 'Cửa hàng',
        household_business: 'Hộ kinh doanh',
        farm: 'Nông trại',
        cooperative: 'Hợp tác xã',
        other: 'Khác',
      };
      return names[String(value)] ?? String(value);
    }
    default:
      return String(value);
  }
}
