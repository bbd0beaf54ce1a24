import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors.js';
import type { ClosableTable, ImportSink, ImportWriteOptions } from './import-writer.js';
import { sqliteImportStatements, SQLITE_ROWS_PER_STATEMENT } from './sqlite-statements.js';

/*
 * A large SQLite import writes on a second thread (issue 4 §8): the main thread reads, validates and plans the
 * file as before, and a worker (sqlite-write-worker.mjs) with its own connection to the same database file runs
 * the INSERTs and version-closing UPDATEs in ONE transaction (BEGIN IMMEDIATE, committed only when the main thread
 * says the whole file passed). SQLite's work then runs beside the validation on the second core.
 * Rows cross over as flat arrays of primitives, one structured clone per batch, not per row. Batches stay small
 * (1,000 rows): larger ones live long enough to be promoted to V8's old generation, and the major GCs that follow
 * cost the main thread more than the second core gives back (8,000 rows: 14 s and 430 MB instead of 7.5 s and
 * 290 MB for 1M residents). At most MAX_IN_FLIGHT batches wait in the worker's queue, which bounds memory.
 * The audit entry is written by the worker too, in the same transaction as the rows.
 */

/** Rows (inserts and closes) per message to the worker. */
const ROWS_PER_BATCH = 1_000;
/** Batches posted and not yet written; the main thread waits beyond this (backpressure). */
const MAX_IN_FLIGHT = 16;

type Terminal = { type: 'committed' } | { type: 'rolledBack' };
type Reply =
  | { type: 'ready' }
  | { type: 'written'; rows: number }
  | Terminal
  | { type: 'checkpointed'; ms: number }
  | { type: 'error'; code: string | null; message: string };

const emptyByTable = (): Record<ClosableTable, unknown[]> => ({ households: [], residents: [] });

function workerError(code: string | null, message: string): Error {
  if (code === 'SURVEY_IMPORT_CONCURRENT_CHANGE') return new AppError('SURVEY_IMPORT_CONCURRENT_CHANGE');
  // Keeps the driver's code (SQLITE_CONSTRAINT_UNIQUE…) so the caller maps it as it would on the main thread.
  return Object.assign(new Error(`SQLite import worker: ${message}`), { code });
}

export class SqliteWorkerSink implements ImportSink {
  private readonly worker: Worker;
  private closes = emptyByTable();
  private rows = emptyByTable();
  private buffered = 0;
  private inFlight = 0;
  private stopped = false;
  private ended = false;
  private committed = false;
  private failure: Error | null = null;
  private wake: Array<() => void> = [];
  private readonly exited: Promise<void>;
  private readonly terminal: Promise<Terminal>;
  private readonly ready: Promise<void>;

  private constructor(
    file: string,
    private readonly options: ImportWriteOptions,
  ) {
    this.worker = new Worker(new URL('./sqlite-write-worker.mjs', import.meta.url), {
      workerData: {
        file,
        // The same statements as the one-thread writer; the worker only prepares them.
        statements: {
          households: sqliteImportStatements('households', options.columns.households),
          residents: sqliteImportStatements('residents', options.columns.residents),
        },
        rowsPerStatement: SQLITE_ROWS_PER_STATEMENT,
        version: options.version,
      },
      // Its heap only ever holds a few batches: a small one keeps the process's peak RSS down.
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    });
    let ready!: () => void;
    let settle!: (t: Terminal) => void;
    let fail!: (e: Error) => void;
    this.ready = new Promise<void>((resolve) => (ready = resolve));
    this.terminal = new Promise<Terminal>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    // Nobody may be awaiting `terminal` yet when it fails; the failure is also kept in `this.failure`.
    this.terminal.catch(() => {});
    const failWith = (error: Error) => {
      this.failure ??= error;
      this.ended = true;
      fail(this.failure);
      ready();
      this.wakeAll();
    };
    this.worker.on('message', (reply: Reply) => {
      if (reply.type === 'ready') ready();
      else if (reply.type === 'written') {
        this.inFlight--;
        this.options.onProgress?.(reply.rows);
        this.wakeAll();
      } else if (reply.type === 'checkpointed') {
        // Arrives after the import has returned: a throwing observer must not become an uncaught exception.
        try {
          this.options.onCheckpointed?.(reply.ms);
        } catch {
          // Only benchmarks and tests observe it.
        }
      } else if (reply.type === 'error') failWith(workerError(reply.code, reply.message));
      else {
        this.ended = true;
        settle(reply);
        this.wakeAll();
      }
    });
    this.worker.on('error', (error) => failWith(error));
    this.exited = new Promise<void>((resolve) =>
      this.worker.on('exit', () => {
        if (!this.ended) failWith(new Error('SQLite import worker exited early'));
        resolve();
      }),
    );
  }

  /** Starts the worker and waits until its transaction holds the write lock. */
  static async start(file: string, options: ImportWriteOptions): Promise<SqliteWorkerSink> {
    const sink = new SqliteWorkerSink(file, options);
    await sink.ready;
    if (sink.failure) {
      await sink.dispose();
      throw sink.failure;
    }
    return sink;
  }

  private wakeAll(): void {
    const waiting = this.wake;
    this.wake = [];
    for (const resolve of waiting) resolve();
  }

  private post(): void {
    if (this.buffered === 0 || this.ended) return;
    this.worker.postMessage({ type: 'batch', closes: this.closes, rows: this.rows });
    this.closes = emptyByTable();
    this.rows = emptyByTable();
    this.buffered = 0;
    this.inFlight++;
  }

  close(table: ClosableTable, uid: string, validFrom: string): void {
    if (this.stopped) return;
    const pairs = this.closes[table];
    pairs.push(uid, validFrom);
    if (++this.buffered >= ROWS_PER_BATCH) this.post();
  }

  insert(table: ClosableTable, values: unknown[]): void {
    if (this.stopped) return;
    const flat = this.rows[table];
    for (let i = 0; i < values.length; i++) flat.push(values[i]);
    if (++this.buffered >= ROWS_PER_BATCH) this.post();
  }

  async drain(): Promise<void> {
    while (this.inFlight >= MAX_IN_FLIGHT && !this.ended) {
      await new Promise<void>((resolve) => this.wake.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  stop(): void {
    this.stopped = true;
    this.closes = emptyByTable();
    this.rows = emptyByTable();
    this.buffered = 0;
  }

  /** Writes what is left and the audit entry, and commits; throws what the worker hit. */
  async commit(audit: { sql: string; parameters: unknown[] } | null): Promise<void> {
    if (this.failure) throw this.failure;
    this.post();
    this.worker.postMessage({ type: 'commit', audit });
    const outcome = await this.terminal;
    if (outcome.type !== 'committed') throw new Error('SQLite import worker did not commit');
    this.committed = true;
  }

  /**
   * Rolls back (unless already ended) and waits for the worker to close its connection and exit. After a commit
   * it does not wait: the worker copies the WAL into the database file (a passive checkpoint) and then exits by
   * itself, off the importer's path.
   */
  async dispose(): Promise<void> {
    if (this.committed) return;
    if (!this.ended) {
      this.stop();
      this.worker.postMessage({ type: 'rollback' });
      await this.terminal.catch(() => {});
    }
    // The worker closes its connection and exits by itself once ended; terminate only if it does not.
    const timer = setTimeout(() => void this.worker.terminate(), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}
