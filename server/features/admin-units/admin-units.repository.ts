import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AdminLevel, Database, NewAdminUnit } from '../../db/tables.js';
import { whereWithinScope } from '../../policies/scope.js';

/** A unit as the API lists it: identity and existence from admin_units, name/type/parent as of some date. */
export interface UnitRow {
  id: number;
  level: AdminLevel;
  code: string | null;
  localCode: string | null;
  name: string;
  type: string;
  parentId: number | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  isDemo: number;
}

export interface PeriodRow {
  id: number;
  name: string;
  type: string;
  parentId: number | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  reason: string;
}

/** Bound on ids per `in (...)` list, far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ID_CHUNK = 2000;

function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** "The period under `alias` is in force on `date`"; ISO dates compare correctly as text on both engines. */
function validOn(alias: 'p' | 'pp', date: string) {
  const from = sql.ref(`${alias}.validFrom`);
  const to = sql.ref(`${alias}.validTo`);
  return sql<SqlBool>`(${from} <= ${date} and (${to} is null or ${to} >= ${date}))`;
}

/** Units with their name, type and parent in force on `date`, and the parent's name on that date. */
function summariesOn(db: Kysely<Database>, date: string) {
  return db
    .selectFrom('adminUnitPeriods as p')
    .innerJoin('adminUnits as u', 'u.id', 'p.unitId')
    .leftJoin('adminUnitPeriods as pp', (join) =>
      join.onRef('pp.unitId', '=', 'p.parentId').on(validOn('pp', date)),
    )
    .where(validOn('p', date))
    .select([
      'u.id',
      'u.level',
      'u.code',
      'u.localCode',
      'p.name',
      'p.type',
      'p.parentId',
      'pp.name as parentName',
      'u.validFrom',
      'u.validTo',
      'u.isDemo',
    ]);
}

/** Units in their current (latest) state, with the parent's current name. */
function currentSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('adminUnits as u')
    .leftJoin('adminUnits as pu', 'pu.id', 'u.parentId')
    .select([
      'u.id',
      'u.level',
      'u.code',
      'u.localCode',
      'u.name',
      'u.type',
      'u.parentId',
      'pu.name as parentName',
      'u.validFrom',
      'u.validTo',
      'u.isDemo',
    ]);
}

/** Read queries of the admin-units feature. Scope filtering is done by the caller-supplied id set. */
export function adminUnitsRepository(handle: Db) {
  const db = handle.db;
  return {
    async findUnit(id: number) {
      return db.selectFrom('adminUnits').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The unit as of `date`, or its current state when it did not exist then. */
    async summaryOn(id: number, date: string): Promise<UnitRow | undefined> {
      const onDate = await summariesOn(db, date).where('u.id', '=', id).executeTakeFirst();
      return onDate ?? (await currentSummaries(db).where('u.id', '=', id).executeTakeFirst());
    },

    async summariesOn(ids: readonly number[], date: string): Promise<UnitRow[]> {
      const out: UnitRow[] = [];
      for (const part of chunks(ids))
        out.push(...(await summariesOn(db, date).where('u.id', 'in', part).execute()));
      return out;
    },

    async currentSummaries(ids: readonly number[]): Promise<UnitRow[]> {
      const out: UnitRow[] = [];
      for (const part of chunks(ids))
        out.push(...(await currentSummaries(db).where('u.id', 'in', part).execute()));
      return out;
    },

    /** A unit's whole history, oldest first; each period names its parent as the parent was called when it began. */
    async periodsOf(unitId: number): Promise<PeriodRow[]> {
      return db
        .selectFrom('adminUnitPeriods as p')
        .leftJoin('adminUnitPeriods as pp', (join) =>
          join
            .onRef('pp.unitId', '=', 'p.parentId')
            .onRef('pp.validFrom', '<=', 'p.validFrom')
            .on((eb) => eb.or([eb('pp.validTo', 'is', null), eb('pp.validTo', '>=', eb.ref('p.validFrom'))])),
        )
        .where('p.unitId', '=', unitId)
        .select([
          'p.id',
          'p.name',
          'p.type',
          'p.parentId',
          'pp.name as parentName',
          'p.validFrom',
          'p.validTo',
          'p.reason',
        ])
        .orderBy('p.validFrom')
        .execute();
    },

    async childrenOn(parentId: number, date: string): Promise<UnitRow[]> {
      return summariesOn(db, date).where('p.parentId', '=', parentId).execute();
    },

    async provincesOn(date: string): Promise<UnitRow[]> {
      return summariesOn(db, date)
        .where('u.level', '=', 'province')
        .where('p.parentId', 'is', null)
        .execute();
    },

    /** Number of children each unit had on `date`; units without children are absent from the map. */
    async childCountsOn(parentIds: readonly number[], date: string): Promise<Map<number, number>> {
      const counts = new Map<number, number>();
      for (const part of chunks(parentIds)) {
        const rows = await db
          .selectFrom('adminUnitPeriods as p')
          .where('p.parentId', 'in', part)
          .where(validOn('p', date))
          .select(['p.parentId', (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy('p.parentId')
          .execute();
        for (const r of rows) counts.set(Number(r.parentId), Number(r.n));
      }
      return counts;
    },

    /**
     * Every unit below `unitId` on `date`, following the parents in force that day (so before the reform a ward's
     * hamlets are found under the old ward, after it under the new one). `depth` is 1 for children.
     */
    async descendantsOn(
      unitId: number,
      date: string,
      level?: AdminLevel,
    ): Promise<Array<UnitRow & { depth: number }>> {
      const valid = (alias: 'p' | 'pp') => validOn(alias, date);
      // The depth guard stops a malformed cycle in the data from recursing forever.
      const result = await sql<UnitRow & { depth: number }>`
        with recursive d(id, depth) as (
          select p.unit_id, 1 from admin_unit_periods p where p.parent_id = ${unitId} and ${valid('p')}
          union all
          select p.unit_id, d.depth + 1 from admin_unit_periods p join d on p.parent_id = d.id
          where ${valid('p')} and d.depth < 10
        )
        select u.id, u.level, u.code, u.local_code, p.name, p.type, p.parent_id, pp.name as parent_name,
               u.valid_from, u.valid_to, u.is_demo, d.depth
        from d
        join admin_units u on u.id = d.id
        join admin_unit_periods p on p.unit_id = d.id and ${valid('p')}
        left join admin_unit_periods pp on pp.unit_id = p.parent_id and ${valid('pp')}
        ${level ? sql`where u.level = ${level}` : sql``}`.execute(db);
      return result.rows.map((r) => ({
        ...r,
        id: Number(r.id),
        parentId: r.parentId == null ? null : Number(r.parentId),
        depth: Number(r.depth),
      }));
    },

    /** Periods in force on `date` of the given units: their parent that day tells which of them are tops. */
    async parentsOn(
      unitIds: readonly number[],
      date: string,
    ): Promise<Array<{ unitId: number; parentId: number | null }>> {
      const out: Array<{ unitId: number; parentId: number | null }> = [];
      for (const part of chunks(unitIds)) {
        out.push(
          ...(await db
            .selectFrom('adminUnitPeriods as p')
            .where('p.unitId', 'in', part)
            .where(validOn('p', date))
            .select(['p.unitId', 'p.parentId'])
            .execute()),
        );
      }
      return out;
    },

    /** Every lineage link reachable from the unit by going back through predecessors or forward through successors. */
    async lineageAround(unitId: number) {
      const result = await sql<{
        fromUnitId: number;
        toUnitId: number;
        mergeType: 'full' | 'partial';
        effectiveDate: string;
      }>`
        with recursive back(id) as (
          select id from admin_units where id = ${unitId}
          union
          select l.from_unit_id from unit_lineage l join back b on l.to_unit_id = b.id
        ),
        fwd(id) as (
          select id from admin_units where id = ${unitId}
          union
          select l.to_unit_id from unit_lineage l join fwd f on l.from_unit_id = f.id
        )
        select from_unit_id, to_unit_id, merge_type, effective_date from unit_lineage
        where to_unit_id in (select id from back) or from_unit_id in (select id from fwd)
        order by effective_date, from_unit_id, to_unit_id`.execute(db);
      return result.rows.map((r) => ({
        ...r,
        fromUnitId: Number(r.fromUnitId),
        toUnitId: Number(r.toUnitId),
      }));
    },

    /**
     * Units whose name (current or past) contains the folded text. With `date`, only names in force that day count.
     * Returns each matching (unit, name) pair; the caller ranks and cuts.
     */
    async searchNames(
      folded: string,
      options: { date?: string; level?: AdminLevel; scope: Set<number> | null; max: number },
    ): Promise<Array<{ unitId: number; name: string }>> {
      const pattern = `%${folded}%`;
      let query = db
        .selectFrom('adminUnitPeriods as p')
        .innerJoin('adminUnits as u', 'u.id', 'p.unitId')
        .where('p.nameFolded', 'like', pattern)
        .where(whereWithinScope(sql.ref('u.id'), options.scope))
        .select(['p.unitId', 'p.name'])
        .distinct()
        .orderBy('p.name')
        .limit(options.max);
      if (options.date) query = query.where(validOn('p', options.date));
      if (options.level) query = query.where('u.level', '=', options.level);
      return query.execute();
    },
  };
}

export type AdminUnitsRepository = ReturnType<typeof adminUnitsRepository>;

/** Write queries of the tree; `db` is the caller's transaction. */
export function adminUnitWrites(db: Kysely<Database>) {
  return {
    /** The unit's current period: the one that began last. */
    async lastPeriod(unitId: number) {
      return db
        .selectFrom('adminUnitPeriods')
        .selectAll()
        .where('unitId', '=', unitId)
        .orderBy('validFrom', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
    },

    async endPeriod(periodId: number, validTo: string) {
      await db.updateTable('adminUnitPeriods').set({ validTo }).where('id', '=', periodId).execute();
    },

    async insertPeriod(period: {
      unitId: number;
      name: string;
      nameFolded: string;
      type: string;
      parentId: number | null;
      validFrom: string;
      validTo: string | null;
      reason: string;
    }) {
      await db.insertInto('adminUnitPeriods').values(period).execute();
    },

    /** Copies the latest period's name and type onto the unit row, which always mirrors the current state. */
    async setCurrentState(
      unitId: number,
      state: { name: string; nameFolded: string; type: string; updatedAt: string },
    ) {
      await db.updateTable('adminUnits').set(state).where('id', '=', unitId).execute();
    },

    async insertUnit(unit: NewAdminUnit): Promise<number> {
      const row = await db.insertInto('adminUnits').values(unit).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /** True when a hamlet under `parentId` already uses this local code. */
    async isLocalCodeTaken(parentId: number, localCode: string): Promise<boolean> {
      const row = await db
        .selectFrom('adminUnits')
        .select('id')
        .where('parentId', '=', parentId)
        .where('level', '=', 'hamlet')
        .where('localCode', '=', localCode)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * True when another unit under `parentId` bears this folded name in a period that runs on or after `from`, i.e.
     * the two would be confused on some day from `from` on.
     */
    async isNameTakenUnder(
      parentId: number,
      nameFolded: string,
      from: string,
      exceptUnitId?: number,
    ): Promise<boolean> {
      let query = db
        .selectFrom('adminUnitPeriods')
        .select('id')
        .where('parentId', '=', parentId)
        .where('nameFolded', '=', nameFolded)
        .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', from)]));
      if (exceptUnitId !== undefined) query = query.where('unitId', '!=', exceptUnitId);
      return (await query.executeTakeFirst()) !== undefined;
    },
  };
}
