import type { Kysely } from 'kysely';
import type { AdminLevel, Database } from '../../server/db/tables.js';
import { foldVietnamese } from '../../domain/text/fold.js';
import {
  DEMO_HAMLETS_FROM,
  HISTORIC_START,
  NEW_PROVINCE,
  NEW_WARDS,
  OLD_CITY,
  OLD_LAST_DAY,
  OLD_PROVINCE,
  OLD_WARDS,
  REFORM_DATE,
} from '../reference/tan-uyen.js';

export interface DemoCity {
  oldProvinceId: number;
  oldCityId: number;
  newProvinceId: number;
  /** Old (pre-2025) wards by official code. */
  oldWardIds: Map<string, number>;
  /** New (from 2025-07-01) wards by official code. */
  newWardIds: Map<string, number>;
  /** Hamlets by "<old ward code>/<hamlet name>". */
  hamletIds: Map<string, number>;
}

interface Period {
  name: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  reason: string;
}

async function insertUnit(
  db: Kysely<Database>,
  unit: {
    level: AdminLevel;
    code: string | null;
    localCode?: string | null;
    isDemo: boolean;
    nowIso: string;
  },
  periods: Period[],
): Promise<number> {
  const last = periods[periods.length - 1];
  const { id } = await db
    .insertInto('adminUnits')
    .values({
      level: unit.level,
      code: unit.code,
      localCode: unit.localCode ?? null,
      name: last.name,
      nameFolded: foldVietnamese(last.name),
      type: last.type,
      parentId: last.parentId,
      validFrom: periods[0].validFrom,
      validTo: last.validTo,
      isDemo: unit.isDemo ? 1 : 0,
      createdAt: unit.nowIso,
      updatedAt: unit.nowIso,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('adminUnitPeriods')
    .values(periods.map((p) => ({ ...p, unitId: id, nameFolded: foldVietnamese(p.name) })))
    .execute();
  return id;
}

/** The demo hamlet names of an old ward: the real ones where known, else "Khu phố n" (wards) or "Ấp n" (communes). */
export function demoHamletNames(ward: (typeof OLD_WARDS)[number]): Array<{ name: string; isDemo: boolean }> {
  if (ward.knownHamlets.length > 0)
    return ward.knownHamlets.map((n) => ({ name: `Khu phố ${n}`, isDemo: false }));
  const prefix = ward.type === 'commune' ? 'Ấp' : 'Khu phố';
  return Array.from({ length: ward.demoHamletCount }, (_, i) => ({
    name: `${prefix} ${i + 1}`,
    isDemo: true,
  }));
}

/**
 * Writes the demo city: Bình Dương → Tân Uyên → its 12 wards and communes until 30/06/2025, the 7 wards of
 * Hồ Chí Minh City that cover it from 01/07/2025, lineage between them, and hamlets that move from their old ward
 * to the new one on the reform date. The ấp of the two old communes become khu phố then (a type change), since
 * they now lie in wards. Runs inside the caller's transaction.
 */
export async function seedDemoCity(db: Kysely<Database>, nowIso: string): Promise<DemoCity> {
  const base = { isDemo: false, nowIso };
  const oldProvinceId = await insertUnit(db, { ...base, level: 'province', code: OLD_PROVINCE.code }, [
    {
      name: OLD_PROVINCE.name,
      type: OLD_PROVINCE.type,
      parentId: null,
      validFrom: HISTORIC_START,
      validTo: OLD_LAST_DAY,
      reason: 'created',
    },
  ]);
  const oldCityId = await insertUnit(db, { ...base, level: 'district', code: OLD_CITY.code }, [
    {
      name: OLD_CITY.name,
      type: OLD_CITY.type,
      parentId: oldProvinceId,
      validFrom: HISTORIC_START,
      validTo: OLD_LAST_DAY,
      reason: 'created',
    },
  ]);
  const newProvinceId = await insertUnit(db, { ...base, level: 'province', code: NEW_PROVINCE.code }, [
    {
      name: NEW_PROVINCE.name,
      type: NEW_PROVINCE.type,
      parentId: null,
      validFrom: REFORM_DATE,
      validTo: null,
      reason: 'created',
    },
  ]);
  const lineage: Array<{
    fromUnitId: number;
    toUnitId: number;
    mergeType: 'full' | 'partial';
    effectiveDate: string;
    note: string | null;
  }> = [
    {
      fromUnitId: oldProvinceId,
      toUnitId: newProvinceId,
      mergeType: 'full',
      effectiveDate: REFORM_DATE,
      note: null,
    },
  ];

  const newWardIds = new Map<string, number>();
  for (const ward of NEW_WARDS) {
    const id = await insertUnit(db, { ...base, level: 'commune', code: ward.code }, [
      {
        name: ward.name,
        type: 'ward',
        parentId: newProvinceId,
        validFrom: REFORM_DATE,
        validTo: null,
        reason: 'created',
      },
    ]);
    newWardIds.set(ward.code, id);
  }

  const oldWardIds = new Map<string, number>();
  const hamletIds = new Map<string, number>();
  for (const ward of OLD_WARDS) {
    const wardId = await insertUnit(db, { ...base, level: 'commune', code: ward.code }, [
      {
        name: ward.name,
        type: ward.type,
        parentId: oldCityId,
        validFrom: HISTORIC_START,
        validTo: OLD_LAST_DAY,
        reason: 'created',
      },
    ]);
    oldWardIds.set(ward.code, wardId);
    for (const successor of ward.became) {
      lineage.push({
        fromUnitId: wardId,
        toUnitId: newWardIds.get(successor.code)!,
        mergeType: successor.mergeType,
        effectiveDate: REFORM_DATE,
        note: null,
      });
    }
    // Each hamlet goes to one successor: in a split, the first `hamletShare` hamlets go to the first successor, and so on.
    const successorOf = (index: number): string => {
      let remaining = index;
      for (const s of ward.became) {
        if (s.hamletShare === undefined || remaining < s.hamletShare) return s.code;
        remaining -= s.hamletShare;
      }
      return ward.became[ward.became.length - 1].code;
    };
    const names = demoHamletNames(ward);
    for (const [index, hamlet] of names.entries()) {
      const oldType = ward.type === 'commune' ? 'hamlet' : 'neighbourhood';
      const newParentId = newWardIds.get(successorOf(index))!;
      const becomesNeighbourhood = oldType === 'hamlet';
      const newName = becomesNeighbourhood ? hamlet.name.replace(/^Ấp /, 'Khu phố ') : hamlet.name;
      const id = await insertUnit(
        db,
        {
          level: 'hamlet',
          code: null,
          localCode: `${ward.code}-${String(index + 1).padStart(2, '0')}`,
          isDemo: hamlet.isDemo,
          nowIso,
        },
        [
          {
            name: hamlet.name,
            type: oldType,
            parentId: wardId,
            validFrom: DEMO_HAMLETS_FROM,
            validTo: OLD_LAST_DAY,
            reason: 'created',
          },
          {
            name: newName,
            type: 'neighbourhood',
            parentId: newParentId,
            validFrom: REFORM_DATE,
            validTo: null,
            reason: becomesNeighbourhood ? 'type_changed' : 'moved',
          },
        ],
      );
      hamletIds.set(`${ward.code}/${hamlet.name}`, id);
    }
  }
  await db.insertInto('unitLineage').values(lineage).execute();
  return { oldProvinceId, oldCityId, newProvinceId, oldWardIds, newWardIds, hamletIds };
}
