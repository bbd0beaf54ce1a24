import type { MigrationDb } from './helpers.js';
import { withId } from './helpers.js';

export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('criteria_sets'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('criteria_sets_code_version_uq')
    .on('criteria_sets')
    .columns(['code', 'version'])
    .unique()
    .execute();

  // A stored snapshot is never updated: later changes to data or criteria produce new rows.
  await withId(db, db.schema.createTable('assessments'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('assessment_date', 'text', (c) => c.notNull())
    .addColumn('criteria_set_id', 'integer', (c) => c.notNull().references('criteria_sets.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('meets_standard', 'integer', (c) => c.notNull())
    .addColumn('met', 'integer', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('counters', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('computed_by', 'integer')
    .execute();
  await db.schema
    .createIndex('assessments_identity_uq')
    .on('assessments')
    .columns(['unit_id', 'assessment_date', 'criteria_set_id', 'fingerprint'])
    .unique()
    .execute();
  await db.schema
    .createIndex('assessments_unit_ix')
    .on('assessments')
    .columns(['unit_id', 'computed_at'])
    .execute();

  await db.schema
    .createTable('pilot_hamlets')
    .addColumn('hamlet_id', 'integer', (c) => c.primaryKey().references('admin_units.id'))
    .addColumn('ward_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addColumn('marked_by', 'integer')
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pilot_hamlets_ward_ix').on('pilot_hamlets').column('ward_id').execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of ['settings', 'pilot_hamlets', 'assessments', 'criteria_sets']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
