import type { MigrationDb } from './helpers.js';
import { isPostgres, withId } from './helpers.js';

/*
 * Evaluation rounds (issue 5 §6): a round names the wards taking part; each ward has at most one submission row,
 * whose status moves submitted → returned → submitted → approved, with the frozen assessment snapshot of each pilot
 * hamlet in evaluation_round_hamlets (replaced on resubmission, locked by approval). Evidence files are stored in
 * the database (docs/decisions/0005-evidence-files.md). The round's timeline is read from the audit log.
 */

export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('evaluation_rounds'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('assessment_date', 'text', (c) => c.notNull())
    .addColumn('criteria_set_id', 'integer', (c) => c.notNull().references('criteria_sets.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('published_at', 'text')
    .execute();

  await db.schema
    .createTable('evaluation_round_wards')
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('ward_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addPrimaryKeyConstraint('evaluation_round_wards_pk', ['round_id', 'ward_id'])
    .execute();

  await withId(db, db.schema.createTable('evaluation_submissions'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('ward_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('review_comment', 'text')
    .execute();
  await db.schema
    .createIndex('evaluation_submissions_ward_uq')
    .on('evaluation_submissions')
    .columns(['round_id', 'ward_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('evaluation_round_hamlets')
    .addColumn('submission_id', 'integer', (c) => c.notNull().references('evaluation_submissions.id'))
    .addColumn('hamlet_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('assessment_id', 'integer', (c) => c.notNull().references('assessments.id'))
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('meets_standard', 'integer', (c) => c.notNull())
    .addColumn('total_gap', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_round_hamlets_pk', ['submission_id', 'hamlet_id'])
    .execute();

  await withId(db, db.schema.createTable('evaluation_evidence'))
    .addColumn('round_id', 'integer', (c) => c.notNull().references('evaluation_rounds.id'))
    .addColumn('ward_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('evaluation_evidence_ward_ix')
    .on('evaluation_evidence')
    .columns(['round_id', 'ward_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'evaluation_evidence',
    'evaluation_round_hamlets',
    'evaluation_submissions',
    'evaluation_round_wards',
    'evaluation_rounds',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
