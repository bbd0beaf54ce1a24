import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, VersionColumns } from '../../db/tables.js';

/*
 * Reads and writes of the system-versioned survey tables (migration 0002), the same for every table. A record is
 * all rows sharing one `uid`; the row with validTo null is its current version. Writes never update a version's
 * values in place: they close the current version (validTo = now) and insert the next one, so "as of" any past
 * instant can be recomputed. Callers run writes inside a transaction, together with the audit entry.
 */

export type VersionedTable = 'households' | 'residents' | 'businesses' | 'wifiPoints' | 'hamletFacts';
export type VersionRow<T extends VersionedTable> = Selectable<Database[T]>;
type Bookkeeping = 'id' | 'uid' | 'validFrom' | 'validTo' | 'changedBy' | 'changeNote';
/** A record's own values: everything but the version bookkeeping. */
export type RecordFields<T extends VersionedTable> = Omit<Insertable<Database[T]>, Bookkeeping>;

/** Who records a version, when, and why. */
export interface VersionMeta {
  actorId: number | null;
  /** ISO timestamp (Date#toISOString) of the change. */
  at: string;
  note?: string | null;
}

/*
 * Kysely cannot type a query over "any of these tables" generically, so the shared code sees one synthetic table
 * with the version columns and arbitrary others; the real table name is what reaches SQL at run time.
 */
interface AnyVersionTable extends VersionColumns {
  [column: string]: unknown;
}
type GenericDb = Kysely<{ versioned: AnyVersionTable }>;

function generic(db: Kysely<Database>, table: VersionedTable): { q: GenericDb; t: 'versioned' } {
  return { q: db as unknown as GenericDb, t: table as unknown as 'versioned' };
}

/** Inserts a new current version of record `uid` with the given values. */
export async function insertVersion<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  uid: string,
  fields: RecordFields<T>,
  meta: VersionMeta,
): Promise<VersionRow<T>> {
  const { q, t } = generic(db, table);
  const row = await q
    .insertInto(t)
    .values({
      ...(fields as Record<string, unknown>),
      uid,
      validFrom: meta.at,
      validTo: null,
      changedBy: meta.actorId,
      changeNote: meta.note ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row as unknown as VersionRow<T>;
}

/**
 * Closes the current version of `uid` at `meta.at` (a delete: moved away, died, removed) and returns it as it
 * was closed, or undefined when the record has no current version. The close and the read are one statement,
 * so two concurrent writers cannot both close the same version.
 */
export async function closeVersion<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  uid: string,
  meta: Pick<VersionMeta, 'at'>,
  /** Why the record ended (moved away, died…), kept as the closed version's change note. */
  reason?: string,
): Promise<VersionRow<T> | undefined> {
  const { q, t } = generic(db, table);
  const row = await q
    .updateTable(t)
    .set(reason === undefined ? { validTo: meta.at } : { validTo: meta.at, changeNote: reason })
    .where('uid', '=', uid)
    .where('validTo', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row as unknown as VersionRow<T> | undefined;
}

/**
 * Records a change: closes the current version and inserts the next one with `changes` applied over the old
 * values. Returns both (before has validTo set), or undefined when there is no current version.
 */
export async function updateVersion<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  uid: string,
  changes: Partial<RecordFields<T>>,
  meta: VersionMeta,
): Promise<{ before: VersionRow<T>; after: VersionRow<T> } | undefined> {
  const before = await closeVersion(db, table, uid, meta);
  if (!before) return undefined;
  const {
    id: _id,
    uid: _uid,
    validFrom: _from,
    validTo: _to,
    changedBy: _by,
    changeNote: _note,
    ...fields
  } = before as Record<string, unknown>;
  const after = await insertVersion(db, table, uid, { ...fields, ...changes } as RecordFields<T>, meta);
  return { before, after };
}

/** The current version of one record, or undefined when it does not exist or was deleted. */
export async function findCurrent<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  uid: string,
): Promise<VersionRow<T> | undefined> {
  const { q, t } = generic(db, table);
  const row = await q
    .selectFrom(t)
    .selectAll()
    .where('uid', '=', uid)
    .where('validTo', 'is', null)
    .executeTakeFirst();
  return row as unknown as VersionRow<T> | undefined;
}

/** Current versions of the records of the given hamlets, in insertion order. */
export async function listCurrent<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  hamletIds: number[],
): Promise<Array<VersionRow<T>>> {
  if (hamletIds.length === 0) return [];
  const { q, t } = generic(db, table);
  const rows = await q
    .selectFrom(t)
    .selectAll()
    .where('hamletId', 'in', hamletIds)
    .where('validTo', 'is', null)
    .orderBy('hamletId')
    .orderBy('id')
    .execute();
  return rows as unknown as Array<VersionRow<T>>;
}

/** The versions of a hamlet's records that were current at the instant `atIso` (recorded by then, not yet superseded). */
export async function asOf<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  hamletId: number,
  atIso: string,
): Promise<Array<VersionRow<T>>> {
  const { q, t } = generic(db, table);
  const rows = await q
    .selectFrom(t)
    .selectAll()
    .where('hamletId', '=', hamletId)
    .where('validFrom', '<=', atIso)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', atIso)]))
    .orderBy('id')
    .execute();
  return rows as unknown as Array<VersionRow<T>>;
}

/** Every version of one record, oldest first. */
export async function history<T extends VersionedTable>(
  db: Kysely<Database>,
  table: T,
  uid: string,
): Promise<Array<VersionRow<T>>> {
  const { q, t } = generic(db, table);
  // One statement (one snapshot) in two branches, each matching one partial index: closed versions
  // (`<table>_uid_closed_ix`) and the current one (`<table>_uid_current_uq`). A bare `uid = ?` would match neither.
  const rows = await q
    .selectFrom(t)
    .selectAll()
    .where('uid', '=', uid)
    .where('validTo', 'is not', null)
    .unionAll(q.selectFrom(t).selectAll().where('uid', '=', uid).where('validTo', 'is', null))
    .orderBy('validFrom')
    .orderBy('id')
    .execute();
  return rows as unknown as Array<VersionRow<T>>;
}

/** Display names of the given users, for "changed by" columns. */
export async function userNames(
  db: Kysely<Database>,
  ids: Array<number | null>,
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [Number(r.id), r.displayName]));
}

/** True when a write failed on a unique index: another writer made the same record current first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
