import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, HouseholdsTable, ResidentsTable } from '../../db/tables.js';
import { householdCanon, memberCanon } from '../../../domain/surveys/import-household.js';
import {
  flagFromDb,
  HOUSEHOLD_FLAGS,
  RESIDENT_FLAGS,
  type HouseholdInput,
} from '../../../domain/surveys/schemas.js';

/*
 * Reads the importer and exporter need, in pages (keyset on uid or local code) so a hamlet of any size streams
 * through in bounded memory on both engines. Writes go through import-writer.ts.
 */

export type HouseholdRow = Selectable<HouseholdsTable>;
export type ResidentRow = Selectable<ResidentsTable>;

const PAGE = 2000;

/** A current household as the importer compares it: its uid, version and a digest of its values. */
export interface IndexedHousehold {
  uid: string;
  validFrom: string;
  digest: string;
}

/** The household columns of a row as the shared schema shapes them. */
export function householdValues(row: HouseholdRow): Omit<HouseholdInput, 'members'> {
  return {
    localCode: row.localCode,
    address: row.address,
    street: row.street,
    residency: row.residency,
    ...(Object.fromEntries(HOUSEHOLD_FLAGS.map((f) => [f, flagFromDb(row[f])])) as Record<
      (typeof HOUSEHOLD_FLAGS)[number],
      boolean | null
    >),
  };
}

export type MemberValues = Omit<HouseholdInput['members'][number], 'uid'>;

export function memberValues(row: ResidentRow): MemberValues {
  return {
    fullName: row.fullName,
    birthYear: Number(row.birthYear),
    birthDate: row.birthDate,
    sex: row.sex,
    residency: row.residency,
    isHead: Number(row.isHead) === 1,
    vneidLevel: row.vneidLevel === null ? null : (Number(row.vneidLevel) as 0 | 1 | 2),
    ...(Object.fromEntries(RESIDENT_FLAGS.map((f) => [f, flagFromDb(row[f])])) as Record<
      (typeof RESIDENT_FLAGS)[number],
      boolean | null
    >),
  };
}

/** A digest of a household's values and its members' (in any order): equal digests mean "unchanged". */
export function householdDigest(household: Omit<HouseholdInput, 'members'>, members: MemberValues[]): string {
  const hash = createHash('sha1').update(householdCanon(household));
  for (const canon of members.map(memberCanon).sort()) hash.update('\n').update(canon);
  return hash.digest('base64');
}

/** Current households of one hamlet with their current members, a page at a time, ordered by local code. */
export async function* householdPages(
  db: Kysely<Database>,
  hamletId: number,
): AsyncGenerator<Array<{ household: HouseholdRow; members: ResidentRow[] }>> {
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('households')
      .selectAll()
      .where('hamletId', '=', hamletId)
      .where('validTo', 'is', null)
      .orderBy('localCode')
      .limit(PAGE);
    if (after !== null) query = query.where('localCode', '>', after);
    const households = await query.execute();
    if (households.length === 0) return;
    after = households[households.length - 1].localCode;
    const residents = await db
      .selectFrom('residents')
      .selectAll()
      .where(
        'householdUid',
        'in',
        households.map((h) => h.uid),
      )
      .where('validTo', 'is', null)
      .orderBy('id')
      .execute();
    const byHousehold = new Map<string, ResidentRow[]>();
    for (const r of residents) {
      const list = byHousehold.get(r.householdUid);
      if (list) list.push(r);
      else byHousehold.set(r.householdUid, [r]);
    }
    yield households.map((household) => ({ household, members: byHousehold.get(household.uid) ?? [] }));
    if (households.length < PAGE) return;
  }
}

/** local code → current household digest, for every current household of the hamlet. */
export async function loadHouseholdIndex(
  db: Kysely<Database>,
  hamletId: number,
): Promise<Map<string, IndexedHousehold>> {
  const index = new Map<string, IndexedHousehold>();
  for await (const page of householdPages(db, hamletId)) {
    for (const { household, members } of page) {
      index.set(household.localCode, {
        uid: household.uid,
        validFrom: household.validFrom,
        digest: householdDigest(householdValues(household), members.map(memberValues)),
      });
    }
  }
  return index;
}

/** One current household with its current members, or undefined. */
export async function loadHouseholdDetail(
  db: Kysely<Database>,
  uid: string,
): Promise<{ household: HouseholdRow; members: ResidentRow[] } | undefined> {
  const household = await db
    .selectFrom('households')
    .selectAll()
    .where('uid', '=', uid)
    .where('validTo', 'is', null)
    .executeTakeFirst();
  if (!household) return undefined;
  const members = await db
    .selectFrom('residents')
    .selectAll()
    .where('householdUid', '=', uid)
    .where('validTo', 'is', null)
    .orderBy('id')
    .execute();
  return { household, members };
}

/** The hamlets under a unit (itself when it is a hamlet) that are current, in name order. */
export async function hamletsUnder(
  db: Kysely<Database>,
  unitId: number,
): Promise<Array<{ id: number; name: string }>> {
  const unit = await db
    .selectFrom('adminUnits')
    .select(['id', 'level', 'name'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) return [];
  if (unit.level === 'hamlet') return [{ id: unit.id, name: unit.name }];
  const rows = await db
    .selectFrom('adminUnits')
    .select(['id', 'name'])
    .where('parentId', '=', unitId)
    .where('level', '=', 'hamlet')
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ id: Number(r.id), name: r.name }));
}
