import type { MigrationDb } from './helpers.js';
import { withId } from './helpers.js';

/*
 * Community digital teams (issue 4 §1, §4): one team per hamlet with its founding decision, its members over time
 * (leaving sets left_at, so the history stays), which member visits which household, and outreach or training
 * sessions with the hamlets and households they reached. Plain (not system-versioned) tables: every change is
 * audit-logged, and the survey records these feed (households.reached_by_outreach, the digitalTeam hamlet fact)
 * are versioned where they live.
 */

export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('digital_teams'))
    .addColumn('hamlet_id', 'integer', (c) => c.notNull().unique().references('admin_units.id'))
    .addColumn('decision_no', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('digital_team_members'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('digital_teams.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();
  await db.schema
    .createIndex('digital_team_members_team_ix')
    .on('digital_team_members')
    .columns(['team_id', 'left_at'])
    .execute();
  await db.schema
    .createIndex('digital_team_members_user_ix')
    .on('digital_team_members')
    .column('user_id')
    .execute();

  // One member per household: reassigning replaces the row (the audit log keeps who had it before).
  await withId(db, db.schema.createTable('household_assignments'))
    .addColumn('household_uid', 'text', (c) => c.notNull().unique())
    .addColumn('hamlet_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('member_user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('assigned_by', 'integer', (c) => c.references('users.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_assignments_hamlet_ix')
    .on('household_assignments')
    .columns(['hamlet_id', 'member_user_id'])
    .execute();

  await withId(db, db.schema.createTable('outreach_sessions'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('attendees', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outreach_session_hamlets')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('outreach_sessions.id'))
    .addColumn('hamlet_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addPrimaryKeyConstraint('outreach_session_hamlets_pk', ['session_id', 'hamlet_id'])
    .execute();
  await db.schema
    .createIndex('outreach_session_hamlets_hamlet_ix')
    .on('outreach_session_hamlets')
    .column('hamlet_id')
    .execute();

  await db.schema
    .createTable('outreach_session_households')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('outreach_sessions.id'))
    .addColumn('household_uid', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('outreach_session_households_pk', ['session_id', 'household_uid'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'outreach_session_households',
    'outreach_session_hamlets',
    'outreach_sessions',
    'household_assignments',
    'digital_team_members',
    'digital_teams',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
