import { describe, expect, it } from 'vitest';
import { matchHeader } from './import-columns.js';
import { formatCell, parseCell } from './import-values.js';

describe('parseCell', () => {
  it.each([
    ['yesNo', 'Có', true],
    ['yesNo', 'không', false],
    ['yesNo', 'x', true],
    ['yesNo', '0', false],
    ['yesNo', 'c', true],
    ['yesNo', 'K', false],
    ['yesNo', 'yes', true],
    ['yesNo', '  ', null],
    ['sex', 'Nữ', 'female'],
    ['sex', 'Nu', 'female'],
    ['sex', 'M', 'male'],
    ['sex', 'F', 'female'],
    ['residency', 'tạm trú', 'temporary'],
    ['vneid', 'Mức 2', 2],
    ['vneid', '1', 1],
    ['vneid', 'Chưa có', 0],
    ['year', '1985', 1985],
    ['year', '1985.0', 1985],
    ['date', '15/03/1980', '1980-03-15'],
    ['date', '1980-03-15', '1980-03-15'],
    ['date', '29221', '1980-01-01'],
    ['number', '11,0412', 11.0412],
    ['stars', '4', 4],
    ['businessKind', 'Hộ kinh doanh', 'household_business'],
  ] as const)('reads %s "%s" as %j', (type, raw, value) => {
    expect(parseCell(type, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['yesNo', 'có lẽ'],
    ['sex', 'gái'],
    ['residency', 'vãng lai'],
    ['vneid', 'Mức 3'],
    ['year', '85'],
    ['date', '31/02/1980'],
    ['stars', '6'],
  ] as const)('refuses %s "%s" with the accepted spellings', (type, raw) => {
    const result = parseCell(type, raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.expected.vi.length).toBeGreaterThan(3);
  });

  it('formats values back into the spellings it reads', () => {
    for (const [type, value] of [
      ['yesNo', true],
      ['sex', 'female'],
      ['residency', 'temporary'],
      ['vneid', 2],
      ['date', '1980-03-15'],
    ] as const) {
      expect(parseCell(type, formatCell(type, value))).toEqual({ ok: true, value });
    }
  });
});

describe('matchHeader', () => {
  it('matches headers in any order, case and accents aside, and names missing and unknown ones', () => {
    const match = matchHeader('wifi-points', ['vi do', 'TÊN', 'Kinh độ', 'Ghi chú']);
    expect(match.positions).toEqual([1, 0, 2, -1, -1]);
    expect(match.missing).toEqual([]);
    expect(match.unknown).toEqual(['Ghi chú']);
    expect(matchHeader('wifi-points', ['Tên']).missing).toEqual(['Vĩ độ', 'Kinh độ']);
  });
});
