import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/** The unit's level and end date, or undefined when there is no such unit. */
export async function findUnitForSurvey(db: Kysely<Database>, unitId: number) {
  return db
    .selectFrom('adminUnits')
    .select(['id', 'level', 'validTo'])
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** Every version of one hamlet fact, oldest first; facts are addressed by (hamlet, key) rather than by uid. */
export async function factHistory(db: Kysely<Database>, hamletId: number, factKey: string) {
  return db
    .selectFrom('hamletFacts')
    .selectAll()
    .where('hamletId', '=', hamletId)
    .where('factKey', '=', factKey)
    .orderBy('validFrom')
    .orderBy('id')
    .execute();
}

/** The current version of one hamlet fact, if it was ever set. */
export async function findCurrentFact(db: Kysely<Database>, hamletId: number, factKey: string) {
  return db
    .selectFrom('hamletFacts')
    .selectAll()
    .where('hamletId', '=', hamletId)
    .where('factKey', '=', factKey)
    .where('validTo', 'is', null)
    .executeTakeFirst();
}
