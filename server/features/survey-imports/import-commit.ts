import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../db/database.js';
import fs from 'node:fs';
import { AppError } from '../../errors.js';
import { isUniqueViolation } from '../surveys/versioned.repository.js';
import type { AuditInput } from '../audit/record-audit.js';
import { readLinesSync, ROWS_PER_LINE, VERSION_TAIL, type ImportSpill } from './import-spill.js';

/*
 * Applies an import's spilled write plan in ONE transaction, so the database holds all of the import or none of
 * it, even if the process is killed midway (the test spawns a child and SIGKILLs it). Closes go first (a version
 * is closed only if it is still the one the dry pass saw: otherwise someone changed it meanwhile and the import
 * is refused), then the new versions are bulk-loaded, then the one summary audit entry.
 *
 * SQLite: raw prepared statements in a synchronous loop. Nothing yields to the event loop while the transaction
 * is open, so no other request's query can slip into it (Kysely shares the one connection).
 * PostgreSQL: one pooled connection; closes via a temp table and UPDATE … FROM, inserts via COPY FROM STDIN.
 */

export interface CommitMeta {
  at: string;
  audit: AuditInput;
  /** Called now and then with the rows written so far (the kill test waits for it). */
  onProgress?: (written: number) => void;
}

const PROGRESS_EVERY = 10_000;

function auditQuery(handle: Db, audit: AuditInput) {
  return handle.db
    .insertInto('auditLog')
    .values({
      at: audit.at,
      actorId: audit.actor?.id ?? null,
      actorName: audit.actor?.username ?? null,
      action: audit.action,
      entity: audit.entity,
      entityId: audit.entityId == null ? null : String(audit.entityId),
      before: audit.before === undefined ? null : JSON.stringify(audit.before),
      after: audit.after === undefined ? null : JSON.stringify(audit.after),
      ip: audit.ip ?? null,
    })
    .compile();
}

const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');

export async function commitSpill(handle: Db, spill: ImportSpill, meta: CommitMeta): Promise<void> {
  try {
    if (handle.dialect === 'sqlite') await commitSqlite(handle, spill, meta);
    else await commitPostgres(handle, spill, meta);
  } catch (error) {
    // Another writer made a household with the same local code (or the same record) current first.
    if (isUniqueViolation(error)) throw new AppError('SURVEY_IMPORT_CONCURRENT_CHANGE');
    throw error;
  }
}

async function commitSqlite(handle: Db, spill: ImportSpill, meta: CommitMeta): Promise<void> {
  const sqlite = handle.sqlite!;
  // A Kysely transaction of another request may be open on the shared connection: wait for it to end.
  while (sqlite.inTransaction) await sleep(5);
  const audit = auditQuery(handle, meta.audit);
  // A larger page cache for the load keeps the indexes' hot pages in memory (16 MB; the default is 2 MB).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -16384');
  sqlite.exec('begin immediate');
  try {
    let written = 0;
    const progress = (rows: number) => {
      const before = written;
      written += rows;
      if (meta.onProgress && Math.floor(before / PROGRESS_EVERY) !== Math.floor(written / PROGRESS_EVERY)) {
        meta.onProgress(written);
      }
    };
    const closers = new Map<string, ReturnType<typeof sqlite.prepare<unknown[]>>>();
    for (const line of readLinesSync(spill.closes.file)) {
      const [table, uid, validFrom] = line as [string, string, string];
      let stmt = closers.get(table);
      if (!stmt) {
        stmt = sqlite.prepare<unknown[]>(
          `update "${table}" set valid_to = ? where uid = ? and valid_from = ? and valid_to is null`,
        );
        closers.set(table, stmt);
      }
      if (stmt.run(meta.at, uid, validFrom).changes !== 1) throw new AppError('SURVEY_IMPORT_CONCURRENT_CHANGE');
      progress(1);
    }
    for (const [table, file] of spill.inserts) {
      const columns = [...spill.insertColumns[table], ...VERSION_TAIL];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      const head = `insert into "${table}" (${quoted(columns)}) values `;
      const many = sqlite.prepare(head + new Array(ROWS_PER_LINE).fill(tuple).join(', '));
      const one = sqlite.prepare(head + tuple);
      const full = ROWS_PER_LINE * columns.length;
      // Each line is a group of rows' values, flat (see ImportSpill); only the last one may be short.
      for (const values of readLinesSync(file.file)) {
        if (values.length === full) many.run(values);
        else for (let at = 0; at < values.length; at += columns.length) one.run(values.slice(at, at + columns.length));
        progress(values.length / columns.length);
      }
    }
    sqlite.prepare(audit.sql).run(...(audit.parameters as unknown[]));
    sqlite.exec('commit');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('rollback');
    throw error;
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

/** The spill file as it is (already COPY CSV), reporting progress as chunks pass. */
async function* copyChunks(file: string, progress: (n: number) => void): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    yield chunk;
    progress(bytes);
  }
}

async function commitPostgres(handle: Db, spill: ImportSpill, meta: CommitMeta): Promise<void> {
  const client = await handle.pool!.connect();
  let broken = false;
  try {
    await client.query('begin');
    const report = (bytes: number) => meta.onProgress?.(bytes);
    if (spill.closes.lines > 0) {
      await client.query(
        'create temp table import_closes (tbl text not null, uid text not null, valid_from text not null) on commit drop',
      );
      await pipeline(
        Readable.from(copyChunks(spill.closes.file, report)),
        client.query(copyFrom('copy import_closes (tbl, uid, valid_from) from stdin with (format csv)')),
      );
      const expected = await client.query<{ tbl: string; n: number }>(
        'select tbl, count(*)::int as n from import_closes group by tbl',
      );
      for (const { tbl, n } of expected.rows) {
        if (!/^[a-z_]+$/.test(tbl)) throw new Error(`bad table ${tbl}`);
        const result = await client.query(
          `update "${tbl}" t set valid_to = $1 from import_closes c
            where c.tbl = $2 and t.uid = c.uid and t.valid_from = c.valid_from and t.valid_to is null`,
          [meta.at, tbl],
        );
        if (result.rowCount !== n) throw new AppError('SURVEY_IMPORT_CONCURRENT_CHANGE');
      }
    }
    for (const [table, file] of spill.inserts) {
      if (file.lines === 0) continue;
      const columns = [...spill.insertColumns[table], ...VERSION_TAIL];
      await pipeline(
        Readable.from(copyChunks(file.file, report)),
        client.query(copyFrom(`copy "${table}" (${quoted(columns)}) from stdin with (format csv)`)),
      );
    }
    const audit = auditQuery(handle, meta.audit);
    await client.query(audit.sql, audit.parameters as unknown[]);
    await client.query('commit');
  } catch (error) {
    try {
      await client.query('rollback');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

/** True when the spill holds nothing to write (a re-import of an unchanged file). */
export function isEmptySpill(spill: ImportSpill): boolean {
  return spill.closes.lines === 0 && [...spill.inserts.values()].every((f) => f.lines === 0);
}
