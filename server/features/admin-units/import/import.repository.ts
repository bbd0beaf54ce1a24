import type { Kysely } from 'kysely';
import type { AdminLevel, Database } from '../../../db/tables.js';

/*
 * Bulk reads and writes of the importer; `db` is the import's transaction. Existing rows are loaded once into memory
 * and new rows are written in multi-row statements, instead of one query per row.
 */

/**
 * Rows per insert statement. With at most 11 columns that is 5,500 parameters per statement: under SQLite's 32,766
 * and PostgreSQL's 65,535, and large enough that statement overhead is small.
 */
const BATCH = 500;

function batches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ExistingUnit {
  id: number;
  level: AdminLevel;
  code: string | null;
  localCode: string | null;
  name: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
}

export interface NewUnitRow {
  level: AdminLevel;
  code: string | null;
  localCode: string | null;
  name: string;
  nameFolded: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

export type UnitKeyFields = Pick<NewUnitRow, 'level' | 'code' | 'validFrom' | 'parentId' | 'nameFolded'>;

export interface NewPeriodRow {
  unitId: number;
  name: string;
  nameFolded: string;
  type: string;
  parentId: number | null;
  validFrom: string;
  validTo: string | null;
  reason: string;
}

export interface LineageRow {
  fromUnitId: number;
  toUnitId: number;
  mergeType: 'full' | 'partial';
  effectiveDate: string;
  note: string | null;
}

const unitColumns = [
  'id',
  'level',
  'code',
  'localCode',
  'name',
  'type',
  'parentId',
  'validFrom',
  'validTo',
] as const;

function toExisting(r: ExistingUnit): ExistingUnit {
  return { ...r, id: Number(r.id), parentId: r.parentId == null ? null : Number(r.parentId) };
}

export function importRepository(db: Kysely<Database>) {
  return {
    /** Every province, district and commune: the national lists are matched against these. */
    async loadOfficialUnits(): Promise<ExistingUnit[]> {
      const rows = await db
        .selectFrom('adminUnits')
        .select(unitColumns)
        .where('level', '!=', 'hamlet')
        .execute();
      return rows.map(toExisting);
    },

    /** The hamlets currently under the given wards and communes. */
    async loadHamletsUnder(parentIds: readonly number[]): Promise<ExistingUnit[]> {
      const out: ExistingUnit[] = [];
      for (const part of batches(parentIds)) {
        const rows = await db
          .selectFrom('adminUnits')
          .select(unitColumns)
          .where('level', '=', 'hamlet')
          .where('parentId', 'in', part)
          .execute();
        out.push(...rows.map(toExisting));
      }
      return out;
    },

    /** First and last period of each unit (the same row for a unit that never changed). */
    async periodBounds(
      unitIds: readonly number[],
    ): Promise<Map<number, { first: { id: number; validTo: string | null }; lastId: number }>> {
      const bounds = new Map<
        number,
        {
          first: { id: number; validFrom: string; validTo: string | null };
          last: { id: number; validFrom: string };
        }
      >();
      for (const part of batches(unitIds)) {
        const rows = await db
          .selectFrom('adminUnitPeriods')
          .select(['id', 'unitId', 'validFrom', 'validTo'])
          .where('unitId', 'in', part)
          .execute();
        for (const r of rows) {
          const unitId = Number(r.unitId);
          const period = { id: Number(r.id), validFrom: r.validFrom, validTo: r.validTo };
          const b = bounds.get(unitId);
          if (!b) bounds.set(unitId, { first: period, last: period });
          else {
            if (period.validFrom < b.first.validFrom) b.first = period;
            if (period.validFrom > b.last.validFrom) b.last = period;
          }
        }
      }
      return new Map(
        [...bounds].map(([id, b]) => [
          id,
          { first: { id: b.first.id, validTo: b.first.validTo }, lastId: b.last.id },
        ]),
      );
    },

    /**
     * Inserts units in batches and returns their new ids by `keyOf`, which must tell the rows of one call apart.
     * Ids are matched by key, not by position: SQLite does not promise RETURNING rows in VALUES order.
     */
    async insertUnits(
      rows: readonly NewUnitRow[],
      keyOf: (row: UnitKeyFields) => string,
    ): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (const part of batches(rows)) {
        const inserted = await db
          .insertInto('adminUnits')
          .values(part)
          .returning(['id', 'level', 'code', 'validFrom', 'parentId', 'nameFolded'])
          .execute();
        for (const r of inserted)
          ids.set(keyOf({ ...r, parentId: r.parentId == null ? null : Number(r.parentId) }), Number(r.id));
      }
      return ids;
    },

    async insertPeriods(rows: readonly NewPeriodRow[]): Promise<void> {
      for (const part of batches(rows)) await db.insertInto('adminUnitPeriods').values(part).execute();
    },

    async updateUnit(id: number, set: Partial<Omit<NewUnitRow, 'createdAt'>>): Promise<void> {
      await db.updateTable('adminUnits').set(set).where('id', '=', id).execute();
    },

    async updatePeriod(id: number, set: Partial<Omit<NewPeriodRow, 'unitId' | 'reason'>>): Promise<void> {
      await db.updateTable('adminUnitPeriods').set(set).where('id', '=', id).execute();
    },

    async loadLineage(): Promise<Array<LineageRow & { id: number }>> {
      const rows = await db
        .selectFrom('unitLineage')
        .select(['id', 'fromUnitId', 'toUnitId', 'mergeType', 'effectiveDate', 'note'])
        .execute();
      return rows.map((r) => ({
        ...r,
        id: Number(r.id),
        fromUnitId: Number(r.fromUnitId),
        toUnitId: Number(r.toUnitId),
      }));
    },

    async insertLineage(rows: readonly LineageRow[]): Promise<void> {
      for (const part of batches(rows)) await db.insertInto('unitLineage').values(part).execute();
    },

    async updateLineage(
      id: number,
      set: Pick<LineageRow, 'mergeType' | 'effectiveDate' | 'note'>,
    ): Promise<void> {
      await db.updateTable('unitLineage').set(set).where('id', '=', id).execute();
    },
  };
}

export type ImportRepository = ReturnType<typeof importRepository>;
