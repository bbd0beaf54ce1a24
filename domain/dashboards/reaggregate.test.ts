import { describe, expect, it } from 'vitest';
import type { LineageLink } from '../admin-units/lineage.js';
import { reaggregateByLineage } from './reaggregate.js';

const link = (from: number, to: number, mergeType: 'full' | 'partial' = 'full'): LineageLink => ({
  fromUnitId: from,
  toUnitId: to,
  mergeType,
  effectiveDate: '2025-07-01',
});

// Old wards 1, 2 merge whole into new ward 10; old ward 3 is split between new wards 10 and 20.
const LINKS = [link(1, 10), link(2, 10), link(3, 10, 'partial'), link(3, 20, 'partial')];
const PAST = [
  { unitId: 1, figures: { hamlets: 4 }, hamletIds: [101, 102, 103, 104] },
  { unitId: 2, figures: { hamlets: 2 }, hamletIds: [201, 202] },
  { unitId: 3, figures: { hamlets: 4 }, hamletIds: [301, 302, 303, 304] },
];
const TODAY_PARENT = new Map([
  [101, 10],
  [102, 10],
  [103, 10],
  [104, 10],
  [201, 10],
  [202, 10],
  [301, 10],
  [302, 20],
  [303, 20],
  [304, 20],
]);

describe('reaggregateByLineage', () => {
  it('adds units merged whole into their successor', () => {
    const { units, unmapped } = reaggregateByLineage({
      pastUnits: PAST,
      links: LINKS,
      currentUnitIds: [10, 20],
      currentParentOf: TODAY_PARENT,
    });
    expect(unmapped).toEqual([]);
    const ten = units.find((u) => u.currentUnitId === 10)!;
    expect(ten.full.map((c) => c.unitId)).toEqual([1, 2]);
    expect(ten.full.every((c) => c.share === 1 && c.mergeType === 'full')).toBe(true);
    expect(ten.full.reduce((s, c) => s + c.figures.hamlets, 0)).toBe(6);
  });

  it('shows a split unit beside each successor with its share, and adds it to no total', () => {
    const { units } = reaggregateByLineage({
      pastUnits: PAST,
      links: LINKS,
      currentUnitIds: [10, 20],
      currentParentOf: TODAY_PARENT,
    });
    const ten = units.find((u) => u.currentUnitId === 10)!;
    const twenty = units.find((u) => u.currentUnitId === 20)!;
    expect(ten.partial).toEqual([{ unitId: 3, figures: { hamlets: 4 }, mergeType: 'partial', share: 0.25 }]);
    expect(twenty.partial).toEqual([
      { unitId: 3, figures: { hamlets: 4 }, mergeType: 'partial', share: 0.75 },
    ]);
    expect(twenty.full).toEqual([]);
    // Never in any full list: its figures are counted in no ward's total.
    expect(units.flatMap((u) => u.full).some((c) => c.unitId === 3)).toBe(false);
  });

  it('treats a unit with two successors as split even when its links say full', () => {
    const { units } = reaggregateByLineage({
      pastUnits: [PAST[2]!],
      links: [link(3, 10), link(3, 20)],
      currentUnitIds: [10, 20],
    });
    expect(units.every((u) => u.full.length === 0 && u.partial.length === 1)).toBe(true);
    expect(units[0]!.partial[0]!.share).toBeNull();
  });

  it('keeps a split unit partial when only one of its successors is asked for', () => {
    const { units } = reaggregateByLineage({ pastUnits: PAST, links: LINKS, currentUnitIds: [20] });
    expect(units[0]!.full).toEqual([]);
    expect(units[0]!.partial.map((c) => c.unitId)).toEqual([3]);
  });

  it('maps a unit that still exists to itself and follows several hops', () => {
    const { units, unmapped } = reaggregateByLineage({
      pastUnits: [
        { unitId: 10, figures: 'self' },
        { unitId: 5, figures: 'two hops' },
        { unitId: 7, figures: 'orphan' },
      ],
      links: [link(5, 6), link(6, 10)],
      currentUnitIds: [10],
    });
    expect(units[0]!.full.map((c) => c.figures)).toEqual(['self', 'two hops']);
    expect(unmapped).toEqual([7]);
  });

  it('marks a path partial when any hop was partial', () => {
    const { units } = reaggregateByLineage({
      pastUnits: [{ unitId: 5, figures: null }],
      links: [link(5, 6, 'partial'), link(6, 10)],
      currentUnitIds: [10],
    });
    expect(units[0]!.full).toEqual([]);
    expect(units[0]!.partial).toHaveLength(1);
  });
});
