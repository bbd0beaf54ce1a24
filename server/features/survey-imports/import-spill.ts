import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';

/*
 * The write plan of an import, spilled to disk as JSON lines while the file is validated: versions to close and
 * rows to insert. Nothing touches the database until the whole file has passed, then the plan is applied in one
 * transaction (import-commit.ts). Holding it on disk keeps a million-row import within a few hundred MB.
 */

const FLUSH_BYTES = 1 << 20;

class LineFile {
  private buffer = '';
  private readonly out: fs.WriteStream;
  lines = 0;

  constructor(readonly file: string) {
    this.out = fs.createWriteStream(file);
  }

  /** Buffers one line; written out in large chunks. Call drain() now and then to respect backpressure. */
  push(values: unknown[]): void {
    this.buffer += JSON.stringify(values) + '\n';
    this.lines++;
    if (this.buffer.length >= FLUSH_BYTES) {
      this.out.write(this.buffer);
      this.buffer = '';
    }
  }

  async drain(): Promise<void> {
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    if (this.buffer) this.out.write(this.buffer);
    this.buffer = '';
    this.out.end();
    await once(this.out, 'finish');
  }
}

export type ClosableTable = 'households' | 'residents' | 'businesses' | 'wifi_points';

/** Closes and inserts for one import. Insert rows hold the record columns; version bookkeeping is added at commit. */
export class ImportSpill {
  readonly closes: LineFile;
  readonly inserts: Map<string, LineFile> = new Map();

  constructor(
    readonly dir: string,
    readonly insertColumns: Record<string, readonly string[]>,
  ) {
    this.closes = new LineFile(path.join(dir, 'closes.jsonl'));
    for (const table of Object.keys(insertColumns)) {
      this.inserts.set(table, new LineFile(path.join(dir, `${table}.jsonl`)));
    }
  }

  /** Marks the version of `uid` that was current at `validFrom` for closing; the commit fails if it changed since. */
  close(table: ClosableTable, uid: string, validFrom: string): void {
    this.closes.push([table, uid, validFrom]);
  }

  insert(table: string, values: unknown[]): void {
    this.inserts.get(table)!.push(values);
  }

  /** Waits until the files have taken what was written so far (call once per batch of rows). */
  async drain(): Promise<void> {
    await this.closes.drain();
    for (const file of this.inserts.values()) await file.drain();
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
