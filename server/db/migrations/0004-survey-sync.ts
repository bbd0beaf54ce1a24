import { sql } from 'kysely';
import type { MigrationDb } from './helpers.js';
import { withId } from './helpers.js';

/*
 * Offline survey sync (issue 4 §3) and the visit log (§1). `survey_submissions` remembers every applied
 * submission by the id the phone made for it, so a replay is answered from here and changes nothing; the unique
 * index on client_id settles two replays racing each other. `household_visits` is a plain log (visits are events,
 * never edited), so it is not system-versioned. `support` is a JSON text array of SUPPORT_KINDS.
 */
export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('survey_submissions'))
    .addColumn('client_id', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('household_uid', 'text')
    .addColumn('result', 'text')
    .execute();

  await withId(db, db.schema.createTable('household_visits'))
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('household_uid', 'text', (c) => c.notNull())
    .addColumn('hamlet_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('visitor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('support', 'text', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('note', 'text')
    .addColumn('client_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The last visit of a household, and coverage per hamlet (visited / assigned, last visit).
  await db.schema
    .createIndex('household_visits_household_ix')
    .on('household_visits')
    .columns(['household_uid', 'visited_at'])
    .execute();
  await db.schema
    .createIndex('household_visits_hamlet_ix')
    .on('household_visits')
    .columns(['hamlet_id', 'visited_at'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable('household_visits').ifExists().execute();
  await db.schema.dropTable('survey_submissions').ifExists().execute();
}
