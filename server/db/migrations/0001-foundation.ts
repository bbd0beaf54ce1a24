import type { MigrationDb } from './helpers.js';
import { withId } from './helpers.js';

export async function up(db: MigrationDb): Promise<void> {
  await withId(db, db.schema.createTable('admin_units'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('local_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('admin_units.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One unit per official code and start date: codes are reused across the 2025 reform (25888 Uyên Hưng → Tân Uyên).
  await db.schema
    .createIndex('admin_units_code_uq')
    .on('admin_units')
    .columns(['level', 'code', 'valid_from'])
    .unique()
    .execute();
  await db.schema.createIndex('admin_units_parent_ix').on('admin_units').column('parent_id').execute();
  await db.schema.createIndex('admin_units_folded_ix').on('admin_units').column('name_folded').execute();

  await withId(db, db.schema.createTable('admin_unit_periods'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('admin_units.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_folded', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('admin_units.id'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('admin_unit_periods_unit_ix')
    .on('admin_unit_periods')
    .column('unit_id')
    .execute();
  await db.schema
    .createIndex('admin_unit_periods_parent_ix')
    .on('admin_unit_periods')
    .columns(['parent_id', 'valid_from'])
    .execute();

  await withId(db, db.schema.createTable('unit_lineage'))
    .addColumn('from_unit_id', 'integer', (c) => c.notNull().references('admin_units.id').onDelete('cascade'))
    .addColumn('to_unit_id', 'integer', (c) => c.notNull().references('admin_units.id').onDelete('cascade'))
    .addColumn('merge_type', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('unit_lineage_pair_uq')
    .on('unit_lineage')
    .columns(['from_unit_id', 'to_unit_id'])
    .unique()
    .execute();
  await db.schema.createIndex('unit_lineage_to_ix').on('unit_lineage').column('to_unit_id').execute();

  await withId(db, db.schema.createTable('users'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('vi'))
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_scopes')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('admin_units.id'))
    .addPrimaryKeyConstraint('user_scopes_pk', ['user_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_ix').on('sessions').column('user_id').execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_ix').on('audit_log').column('at').execute();
  await db.schema
    .createIndex('audit_log_entity_ix')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [
    'audit_log',
    'sessions',
    'user_scopes',
    'users',
    'unit_lineage',
    'admin_unit_periods',
    'admin_units',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
