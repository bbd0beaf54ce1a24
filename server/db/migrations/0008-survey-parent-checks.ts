import { sql } from 'kysely';
import type { MigrationDb } from './helpers.js';
import { isPostgres } from './helpers.js';

/*
 * PostgreSQL only (docs/decisions/0008-set-wise-parent-checks.md). The versioned survey tables' references to
 * admin_units (hamlet_id) and users (changed_by) are checked once per statement over all its rows, instead of by
 * a foreign-key trigger per row: with the per-row checks, a COPY of 1M residents and their 280k households spent
 * 8–10 s of its 15–17 s on 2.56M single-row lookups, every one of them for the same hamlet and the same user.
 *
 * The guarantees stay those of a foreign key (NO ACTION):
 * - After every INSERT or UPDATE statement, the distinct parents its rows name are locked FOR KEY SHARE (what
 *   the foreign-key check locks), and a row naming a parent that does not exist fails the statement with
 *   SQLSTATE 23503 and the old constraint's name.
 * - Deleting a parent, or changing its id, while a survey row names it fails with 23503; so does truncating
 *   `admin_units` or `users` while any survey row exists. A concurrent delete waits on the KEY SHARE lock and then
 *   sees the committed rows, as it would with a foreign key (at READ COMMITTED, the product's isolation level).
 * - The functions run as their owner (SECURITY DEFINER, search_path pinned), as foreign-key checks do, so a
 *   role that may insert survey rows needs no UPDATE right on the parents for the KEY SHARE locks.
 * SQLite keeps its declarative foreign keys: checking them there costs ≈0.1 s per 1M rows.
 */

const TABLES = ['households', 'residents', 'businesses', 'wifi_points', 'hamlet_facts'] as const;
/** The references checked: the survey tables' column and the table it names. */
const REFERENCES = [
  ['hamlet_id', 'admin_units'],
  ['changed_by', 'users'],
] as const;

export async function up(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  // The rows' own check, one block per reference (the column, the parent table).
  const rowChecks = REFERENCES.map(
    ([column, parent]) => `
      perform 1 from ${parent} p where p.id in (select n.${column} from new_rows n) for key share;
      select n.${column} into missing from new_rows n
        where n.${column} is not null and not exists (select 1 from ${parent} p where p.id = n.${column}) limit 1;
      if found then
        raise foreign_key_violation using
          message = format('insert or update on table "%s" violates foreign key constraint "%s_${column}_fkey"',
            tg_table_name, tg_table_name),
          detail = format('Key (${column})=(%s) is not present in table "${parent}".', missing),
          constraint = tg_table_name || '_${column}_fkey', table = tg_table_name;
      end if;`,
  ).join('');
  await sql
    .raw(
      `create function survey_parents_check() returns trigger language plpgsql
      security definer set search_path = public as $$
      declare
        missing bigint;
      begin${rowChecks}
        return null;
      end $$`,
    )
    .execute(db);

  // One function per parent: which column of the survey tables refers to it.
  for (const [column, parent] of REFERENCES) {
    const checks = TABLES.map(
      (table) => `
      if exists (select 1 from ${table} t where t.${column} = old.id) then
        raise foreign_key_violation using
          message = format('update or delete on table "${parent}" violates foreign key constraint "${table}_${column}_fkey" on table "${table}"'),
          detail = format('Key (id)=(%s) is still referenced from table "${table}".', old.id),
          constraint = '${table}_${column}_fkey', table = '${table}';
      end if;`,
    ).join('');
    await sql
      .raw(
        `create function ${parent}_survey_guard() returns trigger language plpgsql
        security definer set search_path = public as $$
        begin
          if tg_op = 'TRUNCATE' then${TABLES.map(
            (table) => `
            if exists (select 1 from ${table}) then
              raise foreign_key_violation using
                message = 'cannot truncate table "${parent}": table "${table}" refers to it';
            end if;`,
          ).join('')}
            return null;
          end if;
          if tg_op = 'UPDATE' and new.id = old.id then return new; end if;${checks}
          return case when tg_op = 'DELETE' then old else new end;
        end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${parent}_survey_guard before delete or update of id on ${parent}
         for each row execute function ${parent}_survey_guard()`,
      )
      .execute(db);
    // A foreign key also refuses TRUNCATE of the referenced table; row triggers do not see it.
    await sql
      .raw(
        `create trigger ${parent}_survey_truncate_guard before truncate on ${parent}
         for each statement execute function ${parent}_survey_guard()`,
      )
      .execute(db);
  }

  for (const table of TABLES) {
    await sql.raw(`alter table ${table} drop constraint ${table}_hamlet_id_fkey`).execute(db);
    await sql.raw(`alter table ${table} drop constraint ${table}_changed_by_fkey`).execute(db);
    for (const event of ['insert', 'update'] as const) {
      await sql
        .raw(
          `create trigger ${table}_parents_${event} after ${event} on ${table}
           referencing new table as new_rows for each statement execute function survey_parents_check()`,
        )
        .execute(db);
    }
  }
}

export async function down(db: MigrationDb): Promise<void> {
  if (!isPostgres(db)) return;
  for (const table of TABLES) {
    await sql.raw(`drop trigger ${table}_parents_insert on ${table}`).execute(db);
    await sql.raw(`drop trigger ${table}_parents_update on ${table}`).execute(db);
    await sql
      .raw(
        `alter table ${table}
           add constraint ${table}_hamlet_id_fkey foreign key (hamlet_id) references admin_units (id),
           add constraint ${table}_changed_by_fkey foreign key (changed_by) references users (id)`,
      )
      .execute(db);
  }
  for (const parent of ['admin_units', 'users']) {
    await sql.raw(`drop trigger ${parent}_survey_guard on ${parent}`).execute(db);
    await sql.raw(`drop trigger ${parent}_survey_truncate_guard on ${parent}`).execute(db);
    await sql.raw(`drop function ${parent}_survey_guard()`).execute(db);
  }
  await sql`drop function survey_parents_check()`.execute(db);
}
