import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { csvField } from '../../db/bulk-insert.js';

/*
 * The write plan of an import, spilled to disk as JSON lines while the file is validated: versions to close and
 * rows to insert. Nothing touches the database until the whole file has passed, then the plan is applied in one
 * transaction (import-commit.ts). Holding it on disk keeps a million-row import within a few hundred MB.
 */

const FLUSH_BYTES = 1 << 20;

/**
 * JSON lines for SQLite (read back and bound to prepared statements), or PostgreSQL's COPY CSV, so the
 * PostgreSQL commit streams the file straight into COPY without touching a row in JavaScript.
 */
export type SpillFormat = 'json' | 'csv';

/** csvField's output, with the common cases (null, text without quotes, numbers) inline. */
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' && value.indexOf('"') < 0) return '"' + value + '"';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return csvField(value);
}

function csvLine(values: unknown[]): string {
  // Joined from an array rather than concatenated, so each line is one flat string, not a tree of pieces.
  const cells = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) cells[i] = csvValue(values[i]);
  return cells.join(',');
}

/**
 * JSON insert rows are grouped, ROWS_PER_LINE to a line, as one flat array of their values: the SQLite commit
 * binds such a line as is to a multi-row insert, and one JSON.stringify/parse per group instead of per row
 * saves most of the spill's cost.
 */
export const ROWS_PER_LINE = 50;

class LineFile {
  private buffer = '';
  private readonly out: fs.WriteStream;
  /** The JSON group being filled (flat values), and how many rows it holds. */
  private group: unknown[] = [];
  private grouped = 0;
  /** Rows pushed (not text lines: a JSON insert line holds up to `rowsPerLine` rows). */
  lines = 0;

  constructor(
    readonly file: string,
    private readonly format: SpillFormat,
    readonly rowsPerLine = 1,
  ) {
    this.out = fs.createWriteStream(file);
  }

  /** Buffers one row; written out in large chunks. Call drain() now and then to respect backpressure. */
  push(values: unknown[]): void {
    this.lines++;
    if (this.format === 'csv') {
      this.append(csvLine(values));
      return;
    }
    if (this.rowsPerLine === 1) {
      this.append(JSON.stringify(values));
      return;
    }
    // SQLite binds no booleans: stored as 0/1, as the commit used to convert them.
    for (const v of values) this.group.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
    if (++this.grouped === this.rowsPerLine) this.endGroup();
  }

  private endGroup(): void {
    if (this.grouped === 0) return;
    const group = this.group;
    this.group = [];
    this.grouped = 0;
    this.append(JSON.stringify(group));
  }

  private append(line: string): void {
    this.buffer += line + '\n';
    if (this.buffer.length >= FLUSH_BYTES) {
      this.out.write(this.buffer);
      this.buffer = '';
    }
  }

  async drain(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** Drops the file's stream without waiting (a failed import). */
  abort(): void {
    this.out.destroy();
  }

  async close(): Promise<void> {
    this.endGroup();
    if (this.buffer) this.out.write(this.buffer);
    this.buffer = '';
    this.out.end();
    await once(this.out, 'finish');
  }
}

export type ClosableTable = 'households' | 'residents' | 'businesses' | 'wifi_points';

/** The version bookkeeping columns every inserted row ends with. */
export const VERSION_TAIL = ['valid_from', 'valid_to', 'changed_by', 'change_note'] as const;

/**
 * Closes and inserts for one import. Insert rows hold the record columns (`insertColumns`) followed by the
 * version bookkeeping (VERSION_TAIL), which is the same for every row of the import.
 */
export class ImportSpill {
  readonly closes: LineFile;
  readonly inserts: Map<string, LineFile> = new Map();
  private readonly tail: unknown[];

  constructor(
    readonly dir: string,
    readonly format: SpillFormat,
    readonly insertColumns: Record<string, readonly string[]>,
    version: { at: string; actorId: number | null; note: string },
  ) {
    this.tail = [version.at, null, version.actorId, version.note];
    this.closes = new LineFile(path.join(dir, `closes.${format}`), format);
    for (const table of Object.keys(insertColumns)) {
      this.inserts.set(table, new LineFile(path.join(dir, `${table}.${format}`), format, ROWS_PER_LINE));
    }
  }

  /** Marks the version of `uid` that was current at `validFrom` for closing; the commit fails if it changed since. */
  close(table: ClosableTable, uid: string, validFrom: string): void {
    this.closes.push([table, uid, validFrom]);
  }

  insert(table: string, values: unknown[]): void {
    for (const v of this.tail) values.push(v);
    this.inserts.get(table)!.push(values);
  }

  /** Waits until the files have taken what was written so far (call once per batch of rows). */
  async drain(): Promise<void> {
    await this.closes.drain();
    for (const file of this.inserts.values()) await file.drain();
  }

  /** Closes every file at once after a failure; the directory is removed by the caller. */
  abort(): void {
    this.closes.abort();
    for (const file of this.inserts.values()) file.abort();
  }

  async finish(): Promise<void> {
    await this.closes.close();
    for (const file of this.inserts.values()) await file.close();
  }
}

/** Reads a JSON-lines file synchronously, chunk by chunk (SQLite commits run without yielding). */
export function* readLinesSync(file: string): Generator<unknown[]> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    // A chunk may end inside a multi-byte character; the decoder carries it over.
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const text = rest + decoder.write(buffer.subarray(0, n));
      const lines = text.split('\n');
      rest = lines.pop()!;
      for (const line of lines) if (line) yield JSON.parse(line) as unknown[];
    }
    if (rest) yield JSON.parse(rest) as unknown[];
  } finally {
    fs.closeSync(fd);
  }
}
