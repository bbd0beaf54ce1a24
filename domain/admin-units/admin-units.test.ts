import { describe, expect, it } from 'vitest';
import { HISTORIC_START, REFORM_FIRST_DAY_NEW, REFORM_LAST_DAY_OLD } from './constants.js';
import { addDays, isIsoDate, isoDateInVietnam, isSpanWithin, isValidOn } from './dates.js';
import { deriveProvinceLineage, summariseLineage, type LineageLink } from './lineage.js';
import { periodOn, planPeriodChange, type UnitPeriodState } from './periods.js';
import { ChangeUnitTypeInputSchema, CreateHamletInputSchema, RenameUnitInputSchema } from './schemas.js';
import {
  allowedParentLevels,
  isLevelInUseOn,
  isTypeValidForLevel,
  renameForTypeChange,
  typeFromName,
  typeFromWord,
  typesForLevel,
} from './unit-types.js';
import { foldSearchText, levelRank, searchMatchRank } from './search-rank.js';

describe('the type catalogue', () => {
  it.each([
    ['province', ['province', 'municipality']],
    ['district', ['urban_district', 'rural_district', 'town', 'city']],
    ['commune', ['ward', 'commune', 'township', 'special_zone']],
    ['hamlet', ['neighbourhood', 'hamlet', 'village', 'residential_group', 'boarding_area']],
  ] as const)('lists the types of level %s', (level, types) => {
    expect(typesForLevel(level)).toEqual(types);
  });

  it.each([
    ['ward', 'commune', true],
    ['ward', 'hamlet', false],
    ['neighbourhood', 'hamlet', true],
    ['city', 'district', true],
    ['city', 'province', false],
    ['toString', 'hamlet', false],
    ['', 'commune', false],
  ] as const)('says whether %s is a type of level %s (%s)', (type, level, expected) => {
    expect(isTypeValidForLevel(type, level)).toBe(expected);
  });

  it.each([
    ['province', '2024-01-01', []],
    ['district', '2024-01-01', ['province']],
    ['district', REFORM_FIRST_DAY_NEW, []],
    ['commune', REFORM_LAST_DAY_OLD, ['district']],
    ['commune', REFORM_FIRST_DAY_NEW, ['province']],
    ['hamlet', '2026-01-01', ['commune']],
  ] as const)('lets a %s on %s hang under %j', (level, date, parents) => {
    expect(allowedParentLevels(level, date)).toEqual(parents);
  });

  it('retires the district level after 30/06/2025', () => {
    expect(isLevelInUseOn('district', REFORM_LAST_DAY_OLD)).toBe(true);
    expect(isLevelInUseOn('district', REFORM_FIRST_DAY_NEW)).toBe(false);
    expect(isLevelInUseOn('commune', REFORM_FIRST_DAY_NEW)).toBe(true);
  });
});

describe('type words of the national lists', () => {
  it.each([
    ['commune', 'Phường', 'ward'],
    ['commune', 'Xã', 'commune'],
    ['commune', 'Thị trấn', 'township'],
    ['commune', 'Thị Trấn', 'township'],
    ['commune', 'Đặc khu', 'special_zone'],
    ['commune', ' ward ', 'ward'],
    ['hamlet', 'Khu phố', 'neighbourhood'],
    ['hamlet', 'ấp', 'hamlet'],
    ['hamlet', 'Tổ dân phố', 'residential_group'],
    ['hamlet', 'Khu nhà trọ', 'boarding_area'],
    ['hamlet', 'Phường', null],
    ['commune', 'Khu phố', null],
    ['commune', 'Phuong X', null],
  ] as const)('reads %s type word "%s" as %s', (level, word, expected) => {
    expect(typeFromWord(level, word)).toBe(expected);
  });

  it.each([
    ['province', 'Tỉnh Bình Dương', 'province'],
    ['province', 'Thành phố Hồ Chí Minh', 'municipality'],
    ['district', 'Thành phố Tân Uyên', 'city'],
    ['district', 'Thị xã Tân Uyên', 'town'],
    ['district', 'Huyện Bắc Tân Uyên', 'rural_district'],
    ['district', 'Quận 1', 'urban_district'],
    ['commune', 'Phường Uyên Hưng', 'ward'],
    ['commune', 'Xã Bạch Đằng', 'commune'],
    ['district', 'Tân Uyên', null],
    ['district', 'Thị xãTân Uyên', null],
    ['province', 'Quận 1', null],
  ] as const)('reads the %s type from the name "%s" as %s', (level, name, expected) => {
    expect(typeFromName(level, name)).toBe(expected);
  });

  it.each([
    ['Ấp 3', 'hamlet', 'neighbourhood', 'Khu phố 3'],
    ['Ấp Bình Chánh', 'hamlet', 'neighbourhood', 'Khu phố Bình Chánh'],
    ['Khu phố Khánh Long', 'neighbourhood', 'boarding_area', 'Khu nhà trọ Khánh Long'],
    ['Xóm Mới', 'hamlet', 'neighbourhood', 'Xóm Mới'],
    ['Ấpxyz', 'hamlet', 'neighbourhood', 'Ấpxyz'],
  ] as const)('renames "%s" from %s to %s as "%s"', (name, from, to, expected) => {
    expect(renameForTypeChange(name, from, to)).toBe(expected);
  });
});

describe('calendar dates', () => {
  it.each([
    ['2025-07-01', -1, '2025-06-30'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
  ])('counts from %s by %i days to %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it.each([
    ['2025-02-28', true],
    ['2025-02-29', false],
    ['2024-02-29', true],
    ['30/06/2025', false],
    ['2025-6-1', false],
  ])('says whether %s is an ISO calendar date (%s)', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it('takes today in Vietnam time, 7 hours ahead of UTC', () => {
    expect(isoDateInVietnam(new Date('2026-11-27T16:59:59Z'))).toBe('2026-11-27');
    expect(isoDateInVietnam(new Date('2026-11-27T17:00:00Z'))).toBe('2026-11-28');
  });

  it.each([
    [{ validFrom: HISTORIC_START, validTo: REFORM_LAST_DAY_OLD }, '2025-06-30', true],
    [{ validFrom: HISTORIC_START, validTo: REFORM_LAST_DAY_OLD }, '2025-07-01', false],
    [{ validFrom: REFORM_FIRST_DAY_NEW, validTo: null }, '2099-01-01', true],
    [{ validFrom: REFORM_FIRST_DAY_NEW, validTo: null }, '2025-06-30', false],
  ])('checks validity of %j on %s (%s)', (span, date, expected) => {
    expect(isValidOn(span, date)).toBe(expected);
  });

  it.each([
    [
      { validFrom: '2020-01-01', validTo: '2025-06-30' },
      { validFrom: HISTORIC_START, validTo: '2025-06-30' },
      true,
    ],
    [{ validFrom: '2020-01-01', validTo: null }, { validFrom: HISTORIC_START, validTo: '2025-06-30' }, false],
    [{ validFrom: '2025-07-01', validTo: null }, { validFrom: '2025-07-01', validTo: null }, true],
    [{ validFrom: '2025-06-01', validTo: null }, { validFrom: '2025-07-01', validTo: null }, false],
  ])('says whether %j lies within %j (%s)', (inner, outer, expected) => {
    expect(isSpanWithin(inner, outer)).toBe(expected);
  });
});

describe('period changes', () => {
  const current: UnitPeriodState = {
    name: 'Ấp 1',
    type: 'hamlet',
    parentId: 7,
    validFrom: '2020-01-01',
    validTo: null,
  };
  const unit = { validFrom: '2020-01-01', validTo: null };

  it('closes the current period the day before and opens the new one with the same end', () => {
    const plan = planPeriodChange(
      current,
      unit,
      '2026-01-01',
      { name: 'Khu phố 1', type: 'neighbourhood' },
      'type_changed',
    );
    expect(plan).toEqual({
      ok: true,
      closed: { ...current, validTo: '2025-12-31' },
      opened: {
        name: 'Khu phố 1',
        type: 'neighbourhood',
        parentId: 7,
        validFrom: '2026-01-01',
        validTo: null,
        reason: 'type_changed',
      },
    });
  });

  it('keeps the end of a unit that has ended', () => {
    const ended = { ...current, validTo: '2025-06-30' };
    const plan = planPeriodChange(
      ended,
      { validFrom: '2020-01-01', validTo: '2025-06-30' },
      '2024-01-01',
      { name: 'Ấp Một' },
      'renamed',
    );
    expect(plan.ok && plan.opened).toMatchObject({
      validFrom: '2024-01-01',
      validTo: '2025-06-30',
      type: 'hamlet',
    });
  });

  it.each([
    ['2020-01-01', 'CHANGE_DATE_NOT_AFTER_CURRENT'],
    ['2019-05-05', 'CHANGE_DATE_NOT_AFTER_CURRENT'],
  ])('refuses a change on %s: %s', (date, error) => {
    expect(planPeriodChange(current, unit, date, { name: 'X' }, 'renamed')).toEqual({ ok: false, error });
  });

  it('refuses a change after the unit ended', () => {
    const plan = planPeriodChange(
      { ...current, validTo: '2025-06-30' },
      { validFrom: '2020-01-01', validTo: '2025-06-30' },
      '2025-07-01',
      { name: 'X' },
      'renamed',
    );
    expect(plan).toEqual({ ok: false, error: 'CHANGE_DATE_AFTER_UNIT_END' });
  });

  it('finds the period in force on a date, or the latest one when the unit did not exist then', () => {
    const periods = [
      { name: 'Khu phố 1', validFrom: '2025-07-01', validTo: null },
      { name: 'Ấp 1', validFrom: '2020-01-01', validTo: '2025-06-30' },
    ];
    expect(periodOn(periods, '2024-01-01')?.name).toBe('Ấp 1');
    expect(periodOn(periods, '2026-01-01')?.name).toBe('Khu phố 1');
    expect(periodOn(periods, '2010-01-01')?.name).toBe('Khu phố 1');
  });
});

describe('lineage', () => {
  // Tân Uyên, by ids: 1 Thái Hòa (split), 2 Tân Phước Khánh → 10 Tân Khánh; 1 → 11 Tân Đông Hiệp; 10 → 20 (a later merger).
  const links: LineageLink[] = [
    { fromUnitId: 1, toUnitId: 10, mergeType: 'partial', effectiveDate: REFORM_FIRST_DAY_NEW },
    { fromUnitId: 1, toUnitId: 11, mergeType: 'partial', effectiveDate: REFORM_FIRST_DAY_NEW },
    { fromUnitId: 2, toUnitId: 10, mergeType: 'full', effectiveDate: REFORM_FIRST_DAY_NEW },
    { fromUnitId: 10, toUnitId: 20, mergeType: 'full', effectiveDate: '2030-01-01' },
  ];

  it('lists one hop each way', () => {
    const summary = summariseLineage(links, 10);
    expect(summary.predecessors.map((l) => l.fromUnitId).sort()).toEqual([1, 2]);
    expect(summary.successors.map((l) => l.toUnitId)).toEqual([20]);
  });

  it('follows the chain backwards and forwards but not sideways', () => {
    const chain = summariseLineage(links, 20).chain;
    expect(new Set(chain.map((l) => `${l.fromUnitId}>${l.toUnitId}`))).toEqual(
      new Set(['1>10', '2>10', '10>20']),
    );
    const fromSplit = summariseLineage(links, 1).chain;
    expect(new Set(fromSplit.map((l) => `${l.fromUnitId}>${l.toUnitId}`))).toEqual(
      new Set(['1>10', '1>11', '10>20']),
    );
  });

  it('derives full province links when all communes went to one province, partial otherwise', () => {
    const pairs = [
      { from: '74', to: '79' },
      { from: '74', to: '79' },
      { from: '77', to: '79' },
      { from: '49', to: '48' },
      { from: '49', to: '51' },
    ];
    expect(deriveProvinceLineage(pairs)).toEqual([
      { from: '49', to: '48', mergeType: 'partial' },
      { from: '49', to: '51', mergeType: 'partial' },
      { from: '74', to: '79', mergeType: 'full' },
      { from: '77', to: '79', mergeType: 'full' },
    ]);
  });
});

describe('input schemas shared with the web', () => {
  it('accepts a rename and trims the name', () => {
    expect(RenameUnitInputSchema.parse({ name: ' Khu phố 2 ', effectiveDate: '2026-01-01' })).toEqual({
      name: 'Khu phố 2',
      effectiveDate: '2026-01-01',
    });
  });

  it.each([
    [{ name: 'A', effectiveDate: '2025-02-30' }],
    [{ name: 'A', effectiveDate: '01/01/2026' }],
    [{ name: '', effectiveDate: '2026-01-01' }],
    [{ name: 'A', effectiveDate: '2026-01-01', extra: 1 }],
  ])('refuses the rename %j', (input) => {
    expect(RenameUnitInputSchema.safeParse(input).success).toBe(false);
  });

  it('accepts any known type for a type change but only hamlet types for a new hamlet', () => {
    expect(ChangeUnitTypeInputSchema.safeParse({ type: 'ward', effectiveDate: '2026-01-01' }).success).toBe(
      true,
    );
    expect(
      ChangeUnitTypeInputSchema.safeParse({ type: 'khu_pho', effectiveDate: '2026-01-01' }).success,
    ).toBe(false);
    const hamlet = { parentId: 3, name: 'Khu phố 1', type: 'neighbourhood', validFrom: '2025-07-01' };
    expect(CreateHamletInputSchema.safeParse(hamlet).success).toBe(true);
    expect(CreateHamletInputSchema.safeParse({ ...hamlet, type: 'ward' }).success).toBe(false);
  });
});

describe('search ranking', () => {
  it.each([
    ['Phường Tân Uyên', 'commune', 'tan uyen', 0],
    ['Thành phố Tân Uyên', 'district', 'tan uyen', 0],
    ['Phường Tân Uyên Mới', 'commune', 'tan uyen', 1],
    ['Huyện Bắc Tân Uyên', 'district', 'tan uyen', 2],
    ['Xã Vĩnh Tân', 'commune', 'tan', 2],
    ['Xã Sơn Tây', 'commune', 'on ta', 3],
    ['Phường Thái Hòa', 'commune', 'thai hoa', 0],
  ] as const)('ranks "%s" (%s) for "%s" as %i', (name, level, query, rank) => {
    expect(searchMatchRank(name, level, query)).toBe(rank);
  });

  it('drops LIKE wildcards from the search text and folds it', () => {
    expect(foldSearchText(' Tân_Uyên%\\ ')).toBe('tan uyen');
    expect(levelRank('province')).toBeLessThan(levelRank('hamlet'));
  });
});
