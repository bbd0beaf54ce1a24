import { sql } from 'kysely';
import type { MigrationDb } from './helpers.js';

/*
 * The uid index of every versioned table covers CLOSED versions only (docs/decisions/0007-closed-version-index.md).
 * A current version is already found by `<table>_uid_current_uq` (uid where valid_to is null); indexing it a second
 * time under (uid, valid_from) cost every new record a second 36-character index entry: for an import of 1M
 * residents that index was 76 MB of the 380 MB written. A record's history now reads its current version through
 * the unique index and its closed ones through this one (versioned.repository.ts `history`).
 */

const VERSIONED_TABLES = ['households', 'residents', 'businesses', 'wifi_points', 'hamlet_facts'] as const;

export async function up(db: MigrationDb): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await db.schema.dropIndex(`${table}_uid_ix`).execute();
    await db.schema
      .createIndex(`${table}_uid_closed_ix`)
      .on(table)
      .columns(['uid', 'valid_from'])
      .where(sql.ref('valid_to'), 'is not', null)
      .execute();
  }
}

export async function down(db: MigrationDb): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await db.schema.dropIndex(`${table}_uid_closed_ix`).execute();
    await db.schema.createIndex(`${table}_uid_ix`).on(table).columns(['uid', 'valid_from']).execute();
  }
}
