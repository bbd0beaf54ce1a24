import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { AssessmentResult, CounterValues } from '../../../domain/criteria/index.js';

type Q = Kysely<Database>;

export interface UnitAt {
  id: number;
  level: string;
  name: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

/** The unit with its name, type and parent as they were on `date`, or undefined if it did not exist then. */
export async function findUnitOn(db: Q, unitId: number, date: string): Promise<UnitAt | undefined> {
  return db
    .selectFrom('adminUnitPeriods as p')
    .innerJoin('adminUnits as u', 'u.id', 'p.unitId')
    .select(['u.id', 'u.level', 'p.name', 'p.type', 'p.parentId', 'u.validFrom', 'u.validTo'])
    .where('p.unitId', '=', unitId)
    .where('p.validFrom', '<=', date)
    .where((eb) => eb.or([eb('p.validTo', 'is', null), eb('p.validTo', '>=', date)]))
    .executeTakeFirst();
}

export async function findUnit(db: Q, unitId: number) {
  return db.selectFrom('adminUnits').selectAll().where('id', '=', unitId).executeTakeFirst();
}

/** Every unit below `rootId` on `date` (not the root itself), following the periods valid that day. */
export async function descendantsOn(db: Q, rootId: number, date: string): Promise<UnitAt[]> {
  const { rows } = await sql<UnitAt>`
    with recursive sub(id) as (
      select cast(${rootId} as integer)
      union
      select p.unit_id from admin_unit_periods p join sub s on p.parent_id = s.id
      where p.valid_from <= ${date} and (p.valid_to is null or p.valid_to >= ${date})
    )
    select u.id as id, u.level as level, p.name as name, p.type as type, p.parent_id as "parentId",
           u.valid_from as "validFrom", u.valid_to as "validTo"
    from sub join admin_units u on u.id = sub.id
    join admin_unit_periods p on p.unit_id = u.id and p.valid_from <= ${date} and (p.valid_to is null or p.valid_to >= ${date})
    where u.id <> ${rootId}`.execute(db);
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    parentId: r.parentId === null ? null : Number(r.parentId),
  }));
}

export async function listPilots(db: Q, wardId: number) {
  return db.selectFrom('pilotHamlets').selectAll().where('wardId', '=', wardId).execute();
}

export async function listPilotIds(db: Q): Promise<Set<number>> {
  const rows = await db.selectFrom('pilotHamlets').select('hamletId').execute();
  return new Set(rows.map((r) => r.hamletId));
}

export async function insertPilot(
  db: Q,
  row: { hamletId: number; wardId: number; markedBy: number; markedAt: string },
) {
  await db.insertInto('pilotHamlets').values(row).execute();
}

export async function deletePilot(db: Q, hamletId: number): Promise<number> {
  const res = await db.deleteFrom('pilotHamlets').where('hamletId', '=', hamletId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function readSetting(db: Q, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Q, key: string, value: string, at: string): Promise<void> {
  const exists = await readSetting(db, key);
  if (exists === undefined) await db.insertInto('settings').values({ key, value, updatedAt: at }).execute();
  else await db.updateTable('settings').set({ value, updatedAt: at }).where('key', '=', key).execute();
}

export async function provinceIdsOn(db: Q, date: string): Promise<number[]> {
  const rows = await db
    .selectFrom('adminUnits')
    .select('id')
    .where('level', '=', 'province')
    .where('validFrom', '<=', date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
    .execute();
  return rows.map((r) => r.id);
}

const SNAPSHOT_COLUMNS = [
  'a.id',
  'a.unitId',
  'a.assessmentDate',
  'a.criteriaSetId',
  'a.meetsStandard',
  'a.met',
  'a.applicable',
  'a.result',
  'a.computedAt',
  'a.computedBy',
  'c.code as criteriaSetCode',
  'c.version as criteriaSetVersion',
  'c.name as criteriaSetName',
] as const;

/** The result a stored snapshot holds when it is a hamlet's (other kinds hold a roll-up): null otherwise. */
export function storedHamletResult(row: { result: string }): AssessmentResult | null {
  const stored = JSON.parse(row.result) as { kind: string; result?: AssessmentResult };
  return stored.kind === 'hamlet' && stored.result ? stored.result : null;
}

/** The counters a stored snapshot kept for its own unit. */
export function storedUnitCounters(row: { counters: string; unitId: number }): CounterValues {
  return (JSON.parse(row.counters) as Record<string, CounterValues>)[String(row.unitId)] ?? {};
}

function parseSnapshot<T extends { result: string; meetsStandard: number }>(
  row: T,
): Omit<T, 'result' | 'meetsStandard'> & { result: unknown; meetsStandard: boolean } {
  const { result, meetsStandard, ...rest } = row;
  return { ...rest, meetsStandard: meetsStandard === 1, result: JSON.parse(result) as unknown };
}

export async function findSnapshot(
  db: Q,
  unitId: number,
  date: string,
  criteriaSetId: number,
  fingerprint: string,
) {
  const row = await db
    .selectFrom('assessments as a')
    .innerJoin('criteriaSets as c', 'c.id', 'a.criteriaSetId')
    .select(SNAPSHOT_COLUMNS)
    .where('a.unitId', '=', unitId)
    .where('a.assessmentDate', '=', date)
    .where('a.criteriaSetId', '=', criteriaSetId)
    .where('a.fingerprint', '=', fingerprint)
    .executeTakeFirst();
  return row && parseSnapshot(row);
}

export async function findSnapshotById(db: Q, id: number) {
  const row = await db
    .selectFrom('assessments as a')
    .innerJoin('criteriaSets as c', 'c.id', 'a.criteriaSetId')
    .select(SNAPSHOT_COLUMNS)
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row && parseSnapshot(row);
}

/** Snapshots of a unit, newest first, without the bulky result. */
export async function listSnapshots(db: Q, unitId: number) {
  const rows = await db
    .selectFrom('assessments as a')
    .innerJoin('criteriaSets as c', 'c.id', 'a.criteriaSetId')
    .select([
      'a.id',
      'a.assessmentDate',
      'a.criteriaSetId',
      'a.meetsStandard',
      'a.met',
      'a.applicable',
      'a.computedAt',
      'c.code as criteriaSetCode',
      'c.version as criteriaSetVersion',
    ])
    .where('a.unitId', '=', unitId)
    .orderBy('a.computedAt', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, meetsStandard: r.meetsStandard === 1 }));
}

export async function insertSnapshot(
  db: Q,
  row: Omit<import('kysely').Insertable<Database['assessments']>, 'id'>,
): Promise<number> {
  const { id } = await db.insertInto('assessments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}
