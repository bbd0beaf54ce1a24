import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { LineageLink } from '../../../domain/admin-units/lineage.js';

type Q = Kysely<Database>;

/** Every old → new link of the reorganisations (a few dozen rows for a city). */
export async function listLineage(db: Q): Promise<LineageLink[]> {
  return db
    .selectFrom('unitLineage')
    .select(['fromUnitId', 'toUnitId', 'mergeType', 'effectiveDate'])
    .execute();
}

/** Current wifi points of the hamlets (the map shows today's infrastructure). */
export async function currentWifiPoints(db: Q, hamletIds: number[]) {
  if (hamletIds.length === 0) return [];
  return db
    .selectFrom('wifiPoints')
    .select(['uid', 'hamletId', 'name', 'lat', 'lng', 'isWorking'])
    .where('hamletId', 'in', hamletIds)
    .where('validTo', 'is', null)
    .orderBy('hamletId')
    .orderBy('name')
    .execute();
}

/**
 * A cheap fingerprint of the hamlets' stored snapshots: snapshots are never updated, only added (or, in tests,
 * deleted), so the count and the highest id change whenever the set does.
 */
export async function snapshotsFingerprint(db: Q, hamletIds: number[], criteriaSetId?: number) {
  if (hamletIds.length === 0) return '0|0';
  let query = db
    .selectFrom('assessments')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('id').as('maxId')])
    .where('unitId', 'in', hamletIds);
  if (criteriaSetId !== undefined) query = query.where('criteriaSetId', '=', criteriaSetId);
  const row = await query.executeTakeFirstOrThrow();
  return `${Number(row.n)}|${row.maxId ?? 0}`;
}

/** Stored snapshots of the hamlets (those made for the hamlet itself, not ward roll-ups). */
export async function hamletSnapshots(db: Q, hamletIds: number[], criteriaSetId?: number) {
  if (hamletIds.length === 0) return [];
  let query = db
    .selectFrom('assessments')
    .select(['id', 'unitId', 'assessmentDate', 'criteriaSetId', 'computedAt', 'result', 'counters'])
    .where('unitId', 'in', hamletIds);
  if (criteriaSetId !== undefined) query = query.where('criteriaSetId', '=', criteriaSetId);
  return query.orderBy('assessmentDate').execute();
}

/**
 * For each hamlet, its latest stored snapshot made with `criteriaSetId` on a date in [fromDate, date]: the record
 * of how it stood then. Hamlets without one are absent from the result.
 */
export async function latestSnapshotsBetween(
  db: Q,
  hamletIds: number[],
  criteriaSetId: number,
  fromDate: string,
  date: string,
) {
  if (hamletIds.length === 0) return [];
  const rows = await db
    .selectFrom('assessments')
    .select(['id', 'unitId', 'assessmentDate', 'computedAt', 'result', 'counters'])
    .where('unitId', 'in', hamletIds)
    .where('criteriaSetId', '=', criteriaSetId)
    .where('assessmentDate', '>=', fromDate)
    .where('assessmentDate', '<=', date)
    .orderBy('assessmentDate', 'desc')
    .orderBy('computedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.unitId) && seen.add(r.unitId));
}
