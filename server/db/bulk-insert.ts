import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from './database.js';

/*
 * Bulk loads for seeds, imports and benchmarks: the query builder manages 35k–70k rows/s, too slow for a million
 * rows (see STACK.md). SQLite gets one raw multi-row prepared INSERT inside one transaction; PostgreSQL gets
 * COPY FROM STDIN in CSV. Rows are streamed: the source is pulled chunk by chunk, never materialised.
 *
 * The load runs on its own transaction (PostgreSQL: its own pooled connection), not inside a caller's Kysely
 * transaction: call it after other writes have committed. On SQLite, if the raw handle is already inside a
 * transaction, the rows join it through a savepoint.
 */

/** Only plain snake_case SQL identifiers: names are spliced into SQL, so nothing else may pass. */
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;

/** Rows per INSERT statement on SQLite: large enough to amortise the statement, small enough for the 32,766 variable limit. */
const SQLITE_ROWS_PER_STATEMENT = 100;
const SQLITE_MAX_VARIABLES = 32_766;
/** Bytes of CSV gathered before a write to the COPY stream. */
const COPY_CHUNK_BYTES = 256 * 1024;

export type BulkRows = Iterable<unknown[]> | AsyncIterable<unknown[]>;

function assertIdentifier(name: string, what: string): void {
  if (!IDENTIFIER.test(name)) throw new Error(`bulkInsert: invalid ${what} name ${JSON.stringify(name)}`);
}

function isAsync(rows: BulkRows): rows is AsyncIterable<unknown[]> {
  return typeof (rows as AsyncIterable<unknown[]>)[Symbol.asyncIterator] === 'function';
}

/**
 * Inserts rows (arrays of values in `columns` order) into `table` as fast as each engine allows and returns the
 * number of rows written. All or nothing: a failure rolls the whole load back. Values: null/undefined → NULL,
 * booleans → 1/0 (the schema's integer booleans), Date → ISO text, other objects → JSON text.
 */
export async function bulkInsert(
  handle: Db,
  table: string,
  columns: string[],
  rows: BulkRows,
): Promise<number> {
  assertIdentifier(table, 'table');
  if (columns.length === 0) throw new Error('bulkInsert: no columns');
  for (const column of columns) assertIdentifier(column, 'column');
  if (handle.dialect === 'sqlite') {
    if (!handle.sqlite) throw new Error('bulkInsert: SQLite handle without its raw connection');
    return sqliteBulkInsert(handle.sqlite, table, columns, rows);
  }
  if (!handle.pool) throw new Error('bulkInsert: PostgreSQL handle without its pool');
  return postgresBulkInsert(handle.pool, table, columns, rows);
}

// ---------------------------------------------------------------- SQLite

type SqliteDb = NonNullable<Db['sqlite']>;
type SqliteValue = string | number | bigint | Buffer | null;

function toSqliteValue(value: unknown): SqliteValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'bigint':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    default:
      if (value instanceof Date) return value.toISOString();
      if (Buffer.isBuffer(value)) return value;
      return JSON.stringify(value);
  }
}

async function sqliteBulkInsert(
  sqlite: SqliteDb,
  table: string,
  columns: string[],
  rows: BulkRows,
): Promise<number> {
  const width = columns.length;
  const perStatement = Math.max(
    1,
    Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(SQLITE_MAX_VARIABLES / width)),
  );
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  const tuple = `(${new Array(width).fill('?').join(', ')})`;
  const full = sqlite.prepare(head + new Array(perStatement).fill(tuple).join(', '));
  const single = sqlite.prepare(head + tuple);
  const buffer: SqliteValue[] = new Array(perStatement * width);
  let buffered = 0;
  let count = 0;

  const push = (row: unknown[]): void => {
    if (row.length !== width)
      throw new Error(`bulkInsert: row ${count + buffered + 1} has ${row.length} values, expected ${width}`);
    const offset = buffered * width;
    for (let i = 0; i < width; i++) buffer[offset + i] = toSqliteValue(row[i]);
    buffered++;
    if (buffered === perStatement) {
      full.run(buffer);
      count += buffered;
      buffered = 0;
    }
  };
  const flush = (): void => {
    for (let r = 0; r < buffered; r++) single.run(buffer.slice(r * width, (r + 1) * width));
    count += buffered;
    buffered = 0;
  };

  // A savepoint nests inside a transaction the caller already opened on the raw handle; otherwise it acts as one.
  const savepoint = `bulk_insert_${table}`;
  sqlite.exec(`savepoint ${savepoint}`);
  try {
    if (isAsync(rows)) {
      for await (const row of rows) push(row);
    } else {
      // A synchronous source is loaded without yielding, so no other query can slip into the open transaction.
      for (const row of rows) push(row);
    }
    flush();
    sqlite.exec(`release ${savepoint}`);
  } catch (error) {
    sqlite.exec(`rollback to ${savepoint}`);
    sqlite.exec(`release ${savepoint}`);
    throw error;
  }
  return count;
}

// ---------------------------------------------------------------- PostgreSQL

/**
 * One value in PostgreSQL's CSV COPY format: NULL is an unquoted empty field; every string is quoted (with "
 * doubled), so an empty string stays an empty string and commas, quotes and newlines survive.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`bulkInsert: non-finite number ${value}`);
      return String(value);
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? '1' : '0';
    case 'string':
      return `"${value.replaceAll('"', '""')}"`;
    default: {
      const text = value instanceof Date ? value.toISOString() : JSON.stringify(value);
      return `"${text.replaceAll('"', '""')}"`;
    }
  }
}

/** CSV lines of the rows, gathered into chunks of about COPY_CHUNK_BYTES, pulled only as fast as COPY consumes them. */
async function* csvChunks(rows: BulkRows, width: number, counter: { rows: number }): AsyncGenerator<string> {
  let chunk = '';
  for await (const row of rows as AsyncIterable<unknown[]>) {
    if (row.length !== width)
      throw new Error(`bulkInsert: row ${counter.rows + 1} has ${row.length} values, expected ${width}`);
    let line = csvField(row[0]);
    for (let i = 1; i < width; i++) line += ',' + csvField(row[i]);
    chunk += line + '\n';
    counter.rows++;
    if (chunk.length >= COPY_CHUNK_BYTES) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function postgresBulkInsert(
  pool: NonNullable<Db['pool']>,
  table: string,
  columns: string[],
  rows: BulkRows,
): Promise<number> {
  const client = await pool.connect();
  const counter = { rows: 0 };
  try {
    await client.query('begin');
    const copy = client.query(
      copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin with (format csv)`),
    );
    await pipeline(Readable.from(csvChunks(rows, columns.length, counter)), copy);
    await client.query('commit');
    client.release();
    return counter.rows;
  } catch (error) {
    try {
      await client.query('rollback');
      client.release();
    } catch {
      // The connection is unusable (e.g. a COPY cut short): drop it from the pool rather than reuse it.
      client.release(true);
    }
    throw error;
  }
}
