import type { CreateTableBuilder } from 'kysely';
import { sql } from 'kysely';
import type { MigrationDb } from './helpers.js';
import { isPostgres, withId } from './helpers.js';

/*
 * Survey records (issue 3 §1), system-versioned: every row is one VERSION of a record. `uid` is the record's
 * stable id; `valid_from`/`valid_to` are ISO timestamps bounding the version (valid_to NULL = current). An update
 * closes the current version and inserts a new one with the same uid; a delete only closes it. The state "as of"
 * T is: valid_from <= T and (valid_to is null or valid_to > T). Tri-state flags are nullable integers (1 yes,
 * 0 no, NULL unknown), so unknown is never counted as no. No ID card, phone or account numbers are stored
 * (Decree 13/2023/NĐ-CP on personal data): the door-to-door team only needs a name to know whom to visit.
 */

const VERSIONED_TABLES = ['households', 'residents', 'businesses', 'wifi_points', 'hamlet_facts'] as const;

/** The columns every versioned table shares: id, uid and hamlet first, version bookkeeping last (added by `versionTail`). */
function versionHead<T extends string>(db: MigrationDb, table: CreateTableBuilder<T, never>) {
  return withId(db, table)
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('hamlet_id', 'integer', (c) => c.notNull().references('admin_units.id'));
}

function versionTail<T extends string, C extends string>(table: CreateTableBuilder<T, C>) {
  return table
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('change_note', 'text');
}

/** A tri-state flag: 1 yes, 0 no, NULL unknown. */
const flag = 'integer' as const;

export async function up(db: MigrationDb): Promise<void> {
  // PostgreSQL's `real` is 4 bytes (about 7 digits, i.e. metres of error); SQLite's `real` is already 8 bytes.
  const coordinate = isPostgres(db) ? sql`double precision` : sql`real`;

  await versionTail(
    versionHead(db, db.schema.createTable('households'))
      .addColumn('local_code', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('street', 'text')
      .addColumn('residency', 'text', (c) => c.notNull())
      .addColumn('fixed_broadband', flag)
      .addColumn('mobile_broadband', flag)
      .addColumn('in_digital_channel', flag)
      .addColumn('reached_by_outreach', flag),
  ).execute();

  await versionTail(
    versionHead(db, db.schema.createTable('residents'))
      .addColumn('household_uid', 'text', (c) => c.notNull())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('birth_year', 'integer', (c) => c.notNull())
      .addColumn('birth_date', 'text')
      .addColumn('birth_key', 'text', (c) => c.notNull())
      .addColumn('sex', 'text', (c) => c.notNull())
      .addColumn('residency', 'text', (c) => c.notNull())
      .addColumn('is_head', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('vneid_level', 'integer')
      .addColumn('online_public_service_account', flag)
      .addColumn('can_use_online_public_service', flag)
      .addColumn('digital_payment_account', flag)
      .addColumn('smart_device', flag)
      .addColumn('telehealth_informed', flag)
      .addColumn('online_medical_booking', flag)
      .addColumn('digital_skills_coached', flag)
      .addColumn('electronic_health_record', flag),
  ).execute();

  await versionTail(
    versionHead(db, db.schema.createTable('businesses'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('accepts_cashless', flag)
      .addColumn('ecommerce_eligible', flag)
      .addColumn('listed_online', flag)
      .addColumn('platforms', 'text')
      .addColumn('ocop_stars', 'integer')
      .addColumn('traceability', flag)
      .addColumn('is_farm_product', 'integer', (c) => c.notNull().defaultTo(0)),
  ).execute();

  await versionTail(
    versionHead(db, db.schema.createTable('wifi_points'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('lat', coordinate, (c) => c.notNull())
      .addColumn('lng', coordinate, (c) => c.notNull())
      .addColumn('is_working', flag)
      .addColumn('provider', 'text'),
  ).execute();

  await versionTail(
    versionHead(db, db.schema.createTable('hamlet_facts'))
      .addColumn('fact_key', 'text', (c) => c.notNull())
      .addColumn('value_bool', 'integer')
      .addColumn('value_num', isPostgres(db) ? sql`double precision` : sql`real`)
      .addColumn('evidence', 'text')
      .addColumn('decision_no', 'text')
      .addColumn('decision_date', 'text')
      .addColumn('members', 'text'),
  ).execute();

  for (const table of VERSIONED_TABLES) {
    // The aggregate pass and the as-of reads filter by hamlet and by "current" (valid_to is null) or a time.
    await db.schema.createIndex(`${table}_hamlet_ix`).on(table).columns(['hamlet_id', 'valid_to']).execute();
    // At most one current version per record; closed versions repeat the uid freely.
    await db.schema
      .createIndex(`${table}_uid_current_uq`)
      .on(table)
      .column('uid')
      .unique()
      .where(sql.ref('valid_to'), 'is', null)
      .execute();
    // History of one record, and closing the current version by uid.
    await db.schema.createIndex(`${table}_uid_ix`).on(table).columns(['uid', 'valid_from']).execute();
  }
  await db.schema
    .createIndex('households_local_code_current_uq')
    .on('households')
    .columns(['hamlet_id', 'local_code'])
    .unique()
    .where(sql.ref('valid_to'), 'is', null)
    .execute();
  await db.schema
    .createIndex('residents_household_ix')
    .on('residents')
    .columns(['household_uid', 'valid_to'])
    .execute();
  await db.schema
    .createIndex('hamlet_facts_key_current_uq')
    .on('hamlet_facts')
    .columns(['hamlet_id', 'fact_key'])
    .unique()
    .where(sql.ref('valid_to'), 'is', null)
    .execute();
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of [...VERSIONED_TABLES].reverse()) await db.schema.dropTable(table).ifExists().execute();
}
