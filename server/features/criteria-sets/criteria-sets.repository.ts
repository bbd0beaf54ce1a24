import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

type Q = Kysely<Database>;

export async function listCriteriaSets(db: Q) {
  return db
    .selectFrom('criteriaSets')
    .selectAll()
    .orderBy('effectiveFrom', 'desc')
    .orderBy('version', 'desc')
    .execute();
}

export async function findCriteriaSet(db: Q, id: number) {
  return db.selectFrom('criteriaSets').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The highest version of a criteria set code, or 0 when the code has none. */
export async function highestVersion(db: Q, code: string): Promise<number> {
  const row = await db
    .selectFrom('criteriaSets')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export async function findByCodeVersion(db: Q, code: string, version: number) {
  return db
    .selectFrom('criteriaSets')
    .selectAll()
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The published set in force on `date`: the latest effectiveFrom not after it (then the highest version). */
export async function findSetInForce(db: Q, date: string) {
  return db
    .selectFrom('criteriaSets')
    .selectAll()
    .where('status', '=', 'published')
    .where('effectiveFrom', '<=', date)
    .orderBy('effectiveFrom', 'desc')
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export async function insertCriteriaSet(
  db: Q,
  row: {
    code: string;
    version: number;
    name: string;
    effectiveFrom: string;
    definition: string;
    status: 'draft' | 'published';
    createdBy: number | null;
    createdAt: string;
    publishedAt: string | null;
  },
): Promise<number> {
  const { id } = await db.insertInto('criteriaSets').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateDraft(
  db: Q,
  id: number,
  changes: { name: string; effectiveFrom: string; definition: string },
) {
  await db
    .updateTable('criteriaSets')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .execute();
}

export async function markPublished(db: Q, id: number, at: string) {
  await db
    .updateTable('criteriaSets')
    .set({ status: 'published', publishedAt: at })
    .where('id', '=', id)
    .execute();
}
