import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';
import { csvField } from '../../db/bulk-insert.js';
import { VERSION_SQL_COLUMNS } from '../../db/survey-columns.js';
import { sqliteImportStatements, SQLITE_ROWS_PER_STATEMENT } from './sqlite-statements.js';
import { AppError } from '../../errors.js';
import { isUniqueViolation } from '../surveys/versioned.repository.js';
import { auditInsert, type AuditInput } from '../audit/record-audit.js';
import { SqliteWorkerSink } from './sqlite-worker-sink.js';

/*
 * Writes an import WHILE the file is being read (issue 4 §6, §8), inside ONE transaction that is committed only
 * when the whole file has passed: all or nothing, even if the process is killed midway (import-kill.test.ts).
 * Rows go straight into the versioned tables, so there is no spill file to write and read back.
 *
 * SQLite: the import holds Kysely's single connection for its whole run (other requests' queries queue behind
 * it instead of slipping into the open transaction) and writes through raw prepared multi-row INSERTs.
 * PostgreSQL: one pooled connection; rows are gathered into CSV chunks and each chunk is one COPY, queued so that
 * the server loads (and checks the foreign keys of) one chunk while this process validates the next: the two
 * cores work at once. Closing a version is an UPDATE that must hit exactly one current row (the version the
 * plan saw): anything else means someone changed it meanwhile, and the import is refused.
 */

export type ClosableTable = 'households' | 'residents';

/** Where planned writes go. `drain` is awaited once per batch of file rows (backpressure). */
export interface ImportSink {
  /** Closes the version of `uid` that was current at `validFrom`. Always before the new version is inserted. */
  close(table: ClosableTable, uid: string, validFrom: string): void;
  /** Inserts one row: the table's record columns; the version bookkeeping is added here. */
  insert(table: ClosableTable, values: unknown[]): void;
  drain(): Promise<void>;
  /** Stops writing (a row had an error: the transaction will be rolled back anyway). */
  stop(): void;
}

export interface ImportWriteOptions {
  columns: Record<ClosableTable, readonly string[]>;
  version: { at: string; actorId: number | null; note: string };
  /** Called now and then with the number of rows written so far (the kill test waits for the first call). */
  onProgress?: (written: number) => void;
  /** SQLite worker only: the WAL checkpoint that follows a committed import has finished (after the import returned). */
  onCheckpointed?: (ms: number) => void;
  /** SQLite on a file: write on a worker thread (sqlite-worker-sink.ts). Worth its start-up for large files only. */
  sqliteWorker?: boolean;
}

/** What the work inside the transaction decided: commit (with its audit entry) or roll back. */
export interface ImportOutcome<T> {
  value: T;
  commit: boolean;
  audit?: AuditInput;
}

const SQLITE_PROGRESS_EVERY = 10_000;
/** CSV gathered per COPY: large enough to amortise a statement, small enough to keep two in memory. */
const COPY_CHUNK_BYTES = 1 << 20;
/** A chunk is sent once this full; the rest of its buffer is the room the next line may need. */
const COPY_CHUNK_FLUSH_BYTES = COPY_CHUNK_BYTES - (32 << 10);

const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');

const auditQuery = (db: Kysely<Database>, audit: AuditInput) => auditInsert(db, audit).compile();

/**
 * Runs `work` with a sink that writes into one open transaction and a Kysely instance for reads inside it, then
 * commits or rolls back as `work` decides. A unique violation (another writer made the same household current
 * first) becomes SURVEY_IMPORT_CONCURRENT_CHANGE.
 */
export async function withImportTransaction<T>(
  handle: Db,
  options: ImportWriteOptions,
  work: (sink: ImportSink, db: Kysely<Database>) => Promise<ImportOutcome<T>>,
): Promise<T> {
  try {
    if (handle.dialect === 'postgres') return await postgresTransaction(handle, options, work);
    return options.sqliteWorker && handle.url !== ':memory:'
      ? await sqliteWorkerTransaction(handle, options, work)
      : await sqliteTransaction(handle, options, work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('SURVEY_IMPORT_CONCURRENT_CHANGE');
    throw error;
  }
}

// ---------------------------------------------------------------- SQLite

type Sqlite = NonNullable<Db['sqlite']>;
type Statement = SQLite.Statement<unknown[]>;

class SqliteSink implements ImportSink {
  private readonly tables = new Map<
    ClosableTable,
    { width: number; many: Statement; one: Statement; close: Statement; buffer: unknown[]; rows: number }
  >();
  /** The version bookkeeping, the same for every row: bound once per statement as named parameters. */
  private readonly version: { validFrom: string; changedBy: number | null; changeNote: string };
  private written = 0;
  private stopped = false;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly options: ImportWriteOptions,
  ) {
    const { at, actorId, note } = options.version;
    this.version = { validFrom: at, changedBy: actorId, changeNote: note };
  }

  private table(name: ClosableTable) {
    let t = this.tables.get(name);
    if (!t) {
      const sql = sqliteImportStatements(name, this.options.columns[name]);
      t = {
        width: sql.width,
        many: this.sqlite.prepare<unknown[]>(sql.many),
        one: this.sqlite.prepare<unknown[]>(sql.one),
        close: this.sqlite.prepare<unknown[]>(sql.close),
        buffer: [],
        rows: 0,
      };
      this.tables.set(name, t);
    }
    return t;
  }

  private progress(rows: number): void {
    const before = this.written;
    this.written += rows;
    const every = SQLITE_PROGRESS_EVERY;
    if (this.options.onProgress && Math.floor(before / every) !== Math.floor(this.written / every)) {
      this.options.onProgress(this.written);
    }
  }

  close(table: ClosableTable, uid: string, validFrom: string): void {
    if (this.stopped) return;
    if (this.table(table).close.run([this.options.version.at, uid, validFrom]).changes !== 1) {
      throw new AppError('SURVEY_IMPORT_CONCURRENT_CHANGE');
    }
    this.progress(1);
  }

  insert(table: ClosableTable, values: unknown[]): void {
    if (this.stopped) return;
    const t = this.table(table);
    const buffer = t.buffer;
    for (const v of values) buffer.push(v);
    if (++t.rows === SQLITE_ROWS_PER_STATEMENT) {
      t.many.run(buffer, this.version);
      t.buffer = [];
      t.rows = 0;
      this.progress(SQLITE_ROWS_PER_STATEMENT);
    }
  }

  async drain(): Promise<void> {}

  stop(): void {
    this.stopped = true;
  }

  flush(): void {
    for (const t of this.tables.values()) {
      for (let at = 0; at < t.buffer.length; at += t.width)
        t.one.run(t.buffer.slice(at, at + t.width), this.version);
      this.progress(t.rows);
      t.buffer = [];
      t.rows = 0;
    }
  }
}

/**
 * Runs `fn` holding Kysely's one SQLite connection, which keeps every other query out until it ends. Raw users of
 * the handle (bulk loads) do not take Kysely's lock: their transaction is waited for first.
 */
function holdingSqliteConnection<T>(handle: Db, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const sqlite = handle.sqlite!;
  return handle.db.connection().execute(async (db) => {
    while (sqlite.inTransaction) await sleep(5);
    return fn(db);
  });
}

async function sqliteTransaction<T>(
  handle: Db,
  options: ImportWriteOptions,
  work: (sink: ImportSink, db: Kysely<Database>) => Promise<ImportOutcome<T>>,
): Promise<T> {
  const sqlite = handle.sqlite!;
  return holdingSqliteConnection(handle, async (db) => {
    // A larger page cache keeps the indexes' hot pages in memory during the load (32 MB; the default is 2 MB).
    const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
    sqlite.pragma('cache_size = -32768');
    sqlite.exec('begin immediate');
    try {
      const sink = new SqliteSink(sqlite, options);
      const outcome = await work(sink, db);
      if (!outcome.commit) {
        sqlite.exec('rollback');
        return outcome.value;
      }
      sink.flush();
      if (outcome.audit) {
        const audit = auditQuery(db, outcome.audit);
        sqlite.prepare(audit.sql).run(...(audit.parameters as unknown[]));
      }
      sqlite.exec('commit');
      return outcome.value;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec('rollback');
      throw error;
    } finally {
      sqlite.pragma(`cache_size = ${cacheSize}`);
    }
  });
}

/**
 * The same transaction written by a worker thread on its own connection. Kysely's connection is still held, so
 * other requests wait as before; the plan's reads on it see the data as it was before the import (WAL), and the
 * worker's BEGIN IMMEDIATE, taken before they start, keeps every other writer out until the end.
 */
async function sqliteWorkerTransaction<T>(
  handle: Db,
  options: ImportWriteOptions,
  work: (sink: ImportSink, db: Kysely<Database>) => Promise<ImportOutcome<T>>,
): Promise<T> {
  return holdingSqliteConnection(handle, async (db) => {
    const sink = await SqliteWorkerSink.start(handle.url, options);
    try {
      const outcome = await work(sink, db);
      if (!outcome.commit) return outcome.value;
      const audit = outcome.audit ? auditQuery(db, outcome.audit) : null;
      await sink.commit(audit && { sql: audit.sql, parameters: [...audit.parameters] });
      return outcome.value;
    } finally {
      await sink.dispose();
    }
  });
}

// ---------------------------------------------------------------- PostgreSQL

/** csvField's output, with the common cases (null, text without quotes, numbers) inline. */
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value.indexOf('"') < 0) return '"' + value + '"';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return csvField(value);
}

class PostgresSink implements ImportSink {
  /**
   * CSV waiting for its COPY, encoded into one buffer per chunk as each line is made: no array of line strings,
   * no join and no whole-chunk encoding afterwards (those were ≈1.5 s of CPU and most of the garbage per 1M rows).
   */
  private readonly csv = new Map<ClosableTable, { buffer: Buffer; bytes: number; rows: number }>();
  private readonly closes = new Map<ClosableTable, { uids: string[]; validFroms: string[] }>();
  private readonly tailCsv: string;
  /** The statements sent so far, one after the other on the one connection. */
  private queue: Promise<void> = Promise.resolve();
  /** Statements queued and not yet known to be done, oldest first. */
  private tasks: Array<Promise<void>> = [];
  private failure: unknown = null;
  private written = 0;
  private stopped = false;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly options: ImportWriteOptions,
  ) {
    const { at, actorId, note } = options.version;
    this.tailCsv = [at, null, actorId, note].map(csvValue).join(',');
  }

  private enqueue(task: () => Promise<number>): void {
    this.queue = this.queue.then(async () => {
      try {
        if (this.failure === null) {
          const rows = await task();
          if (rows > 0) {
            this.written += rows;
            this.options.onProgress?.(this.written);
          }
        }
      } catch (error) {
        this.failure ??= error;
      }
    });
    this.tasks.push(this.queue);
  }

  private flushCloses(table: ClosableTable): void {
    const pending = this.closes.get(table);
    if (!pending || pending.uids.length === 0) return;
    this.closes.delete(table);
    this.enqueue(async () => {
      const result = await this.client.query(
        `update "${table}" t set valid_to = $1
           from unnest($2::text[], $3::text[]) as c(uid, valid_from)
          where t.uid = c.uid and t.valid_from = c.valid_from and t.valid_to is null`,
        [this.options.version.at, pending.uids, pending.validFroms],
      );
      if (result.rowCount !== pending.uids.length) throw new AppError('SURVEY_IMPORT_CONCURRENT_CHANGE');
      return result.rowCount;
    });
  }

  private flushRows(table: ClosableTable): void {
    // A changed record's new version has the uid of the one it closes: the close must go first.
    this.flushCloses(table);
    const pending = this.csv.get(table);
    if (!pending || pending.rows === 0) return;
    this.csv.delete(table);
    const { rows } = pending;
    const data = pending.buffer.subarray(0, pending.bytes);
    const columns = [...this.options.columns[table], ...VERSION_SQL_COLUMNS];
    this.enqueue(
      () =>
        new Promise<number>((resolve, reject) => {
          const stream = this.client.query(
            copyFrom(`copy "${table}" (${quoted(columns)}) from stdin with (format csv)`),
          );
          stream.on('error', reject);
          stream.on('finish', () => resolve(rows));
          stream.end(data);
        }),
    );
  }

  close(table: ClosableTable, uid: string, validFrom: string): void {
    if (this.stopped) return;
    let pending = this.closes.get(table);
    if (!pending) this.closes.set(table, (pending = { uids: [], validFroms: [] }));
    pending.uids.push(uid);
    pending.validFroms.push(validFrom);
  }

  insert(table: ClosableTable, values: unknown[]): void {
    if (this.stopped) return;
    const cells = new Array<string>(values.length + 1);
    for (let i = 0; i < values.length; i++) cells[i] = csvValue(values[i]);
    cells[values.length] = this.tailCsv;
    const line = cells.join(',') + '\n';
    // A UTF-16 code unit takes at most 3 bytes in UTF-8: flush first when the line might not fit.
    let pending = this.csv.get(table);
    if (pending && pending.bytes + line.length * 3 > pending.buffer.length) {
      this.flushRows(table);
      pending = undefined;
    }
    if (!pending) {
      const size = Math.max(COPY_CHUNK_BYTES, line.length * 3);
      this.csv.set(table, (pending = { buffer: Buffer.allocUnsafe(size), bytes: 0, rows: 0 }));
    }
    pending.bytes += pending.buffer.write(line, pending.bytes);
    pending.rows++;
    if (pending.bytes >= COPY_CHUNK_FLUSH_BYTES) this.flushRows(table);
  }

  /** Lets this process run at most one chunk ahead of the server. */
  async drain(): Promise<void> {
    while (this.tasks.length > 1) await this.tasks.shift();
    if (this.failure !== null) throw this.failure;
  }

  stop(): void {
    this.stopped = true;
  }

  async finish(): Promise<void> {
    for (const table of this.closes.keys()) this.flushCloses(table);
    for (const table of [...this.csv.keys()]) this.flushRows(table);
    await this.queue;
    this.tasks = [];
    if (this.failure !== null) throw this.failure;
  }

  /** Waits for queued statements to settle (their errors are moot: the transaction is rolled back). */
  async settle(): Promise<void> {
    await this.queue;
  }
}

async function postgresTransaction<T>(
  handle: Db,
  options: ImportWriteOptions,
  work: (sink: ImportSink, db: Kysely<Database>) => Promise<ImportOutcome<T>>,
): Promise<T> {
  const client = await handle.pool!.connect();
  let broken = false;
  let sink: PostgresSink | null = null;
  try {
    await client.query('begin');
    sink = new PostgresSink(client, options);
    // Reads (the households index, a changed household's members) use other pooled connections.
    const outcome = await work(sink, handle.db);
    if (!outcome.commit) {
      sink.stop();
      await sink.settle();
      await client.query('rollback');
      return outcome.value;
    }
    await sink.finish();
    if (outcome.audit) {
      const audit = auditQuery(handle.db, outcome.audit);
      await client.query(audit.sql, audit.parameters as unknown[]);
    }
    await client.query('commit');
    return outcome.value;
  } catch (error) {
    try {
      await sink?.settle();
      await client.query('rollback');
    } catch {
      broken = true;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}
