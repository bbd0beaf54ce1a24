import { describe, expect, it } from 'vitest';
import { compileCriteriaSet } from '../criteria/compile.js';
import { CriteriaSetDefinitionSchema } from '../criteria/schema.js';
import { CRITERIA_2026 } from '../../seeds/reference/criteria-2026.js';
import {
  actionTarget,
  classifyFields,
  groupByStreet,
  listableParts,
  type ActionRow,
} from './action-lists.js';

const compiled = compileCriteriaSet(CriteriaSetDefinitionSchema.parse(CRITERIA_2026), '2026-11-28');

function row(uid: string, street: string | null, household: string | null, name: string | null): ActionRow {
  return {
    verdict: 'missing',
    uid,
    householdUid: household,
    street,
    address: null,
    localCode: household ? `H-${household}` : null,
    headName: null,
    name,
    birthYear: null,
    missing: [],
    unknown: [],
    lastVisitAt: null,
    assignee: null,
  };
}

describe('which rows a criterion lists', () => {
  it('reads a ratio from its compiled counters: base = denominator, counted = yes, excluded = no', () => {
    const skl3 = compiled.criteria.find((c) => c.code === 'SKL-3')!;
    const target = actionTarget(compiled, skl3)!;
    const refs = skl3.counters as { den: string; yes: string; no: string };
    const byId = (id: string) => compiled.counters.find((c) => c.id === id)!.when;
    expect(target.subject).toBe('residents');
    expect(target.base).toEqual(byId(refs.den));
    expect(target.counted).toEqual(byId(refs.yes));
    expect(target.excluded).toEqual(byId(refs.no));
    expect(target.fields).toEqual(['digitalPaymentAccount']);
  });

  it('lists a count over every row, excluding those that cannot count', () => {
    const inf3 = compiled.criteria.find((c) => c.code === 'INF-3')!;
    const target = actionTarget(compiled, inf3)!;
    expect(target.base).toEqual({ op: 'true' });
    expect(target.excluded.op).toBe('not');
  });

  it('lists a composite through its parts and a fact not at all', () => {
    expect(listableParts(compiled, 'SKL-2').map((c) => c.code)).toEqual(['SKL-2a', 'SKL-2b']);
    expect(listableParts(compiled, 'AWR-2')).toEqual([]);
    expect(listableParts(compiled, 'NOPE')).toEqual([]);
  });
});

describe('classifyFields', () => {
  it('says which answers are a certain no and which are missing', () => {
    const filter = [
      { field: 'onlinePublicServiceAccount', is: 'yes' as const },
      { field: 'canUseOnlinePublicService', is: 'yes' as const },
    ];
    expect(
      classifyFields({ onlinePublicServiceAccount: 0, canUseOnlinePublicService: null }, filter),
    ).toEqual({
      missing: ['onlinePublicServiceAccount'],
      unknown: ['canUseOnlinePublicService'],
    });
    expect(classifyFields({ onlinePublicServiceAccount: 1, canUseOnlinePublicService: 0 }, filter)).toEqual({
      missing: ['canUseOnlinePublicService'],
      unknown: [],
    });
  });

  it('treats an any-of as satisfied field by field, and compares values', () => {
    const filter = [
      {
        anyOf: [
          { field: 'fixedBroadband', is: 'yes' as const },
          { field: 'mobileBroadband', is: 'yes' as const },
        ],
      },
    ];
    expect(classifyFields({ fixedBroadband: 0, mobileBroadband: 0 }, filter).missing).toEqual([
      'fixedBroadband',
      'mobileBroadband',
    ]);
    expect(classifyFields({ vneidLevel: 1 }, [{ field: 'vneidLevel', op: 'eq', value: 2 }]).missing).toEqual([
      'vneidLevel',
    ]);
    expect(classifyFields({ vneidLevel: 2 }, [{ field: 'vneidLevel', op: 'eq', value: 2 }]).missing).toEqual(
      [],
    );
  });
});

describe('groupByStreet', () => {
  it('groups by street then household in Vietnamese order, streets without a name last', () => {
    const groups = groupByStreet([
      row('r3', 'Nguyễn Trãi', 'b', 'Bình'),
      row('r1', null, 'c', 'Chi'),
      row('r2', 'Bùi Thị Xuân', 'a', 'An'),
      row('r4', 'Nguyễn Trãi', 'b', 'An'),
      row('r5', 'Đường 10', 'd', 'Dũng'),
      row('r6', 'Đường 9', 'e', 'Em'),
    ]);
    expect(groups.map((g) => g.street)).toEqual(['Bùi Thị Xuân', 'Đường 9', 'Đường 10', 'Nguyễn Trãi', null]);
    const nguyenTrai = groups[3];
    expect(nguyenTrai.households).toHaveLength(1);
    expect(nguyenTrai.households[0].rows.map((r) => r.name)).toEqual(['An', 'Bình']);
  });

  it('keeps businesses (no household) one per group', () => {
    const groups = groupByStreet([row('b1', null, null, 'Tạp hóa A'), row('b2', null, null, 'Tạp hóa B')]);
    expect(groups).toHaveLength(1);
    expect(groups[0].households).toHaveLength(2);
  });
});
