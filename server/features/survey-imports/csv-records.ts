/*
 * A small RFC 4180 CSV splitter tuned for the import path: lines without a quote (nearly all of a register) are
 * split with String#split, quoted lines go through a character loop, and a quoted field may span lines. It takes
 * text chunks and returns whole records per chunk, so the caller can process a batch without an await per row.
 * csv-parse was the first choice, but at ~13 µs per 23-column row it alone used the benchmark's whole budget.
 */

export class CsvRecords {
  private rest = '';
  private pending = '';
  private first = true;

  constructor(private readonly delimiter: string) {}

  /** The complete records in `chunk` (plus what was left over from the previous chunk). */
  push(chunk: string): string[][] {
    let text = this.rest + chunk;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const out: string[][] = [];
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
      this.line(text.slice(start, nl), out);
      start = nl + 1;
    }
    this.rest = text.slice(start);
    return out;
  }

  /** The last record when the text does not end with a newline; throws on an unterminated quote. */
  end(): string[][] {
    const out: string[][] = [];
    if (this.rest !== '' || this.pending !== '') this.line(this.rest, out, true);
    this.rest = '';
    if (this.pending !== '') throw new Error('a quoted field is not closed before the end of the file');
    return out;
  }

  private line(raw: string, out: string[][], last = false): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.pending === '' && line.indexOf('"') < 0) {
      out.push(line.split(this.delimiter));
      return;
    }
    const joined = this.pending === '' ? line : this.pending + '\n' + line;
    let quotes = 0;
    for (let i = joined.indexOf('"'); i >= 0; i = joined.indexOf('"', i + 1)) quotes++;
    if (quotes % 2 === 1 && !last) {
      // An open quoted field: the newline belongs to it, the record goes on on the next line.
      this.pending = joined;
      return;
    }
    this.pending = quotes % 2 === 1 ? joined : '';
    if (quotes % 2 === 0) out.push(splitQuoted(joined, this.delimiter));
  }
}

/** Splits a line holding quoted fields, slicing whole runs between quotes rather than appending characters. */
function splitQuoted(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let pos = 0;
  for (;;) {
    if (line[pos] === '"') {
      let cell = '';
      let from = pos + 1;
      for (;;) {
        const q = line.indexOf('"', from);
        if (q < 0) {
          cell += line.slice(from);
          pos = line.length;
          break;
        }
        cell += line.slice(from, q);
        if (line[q + 1] === '"') {
          cell += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as a lenient reader would.
      const next = line.indexOf(delimiter, pos);
      cell += line.slice(pos, next < 0 ? line.length : next);
      cells.push(cell);
      if (next < 0) return cells;
      pos = next + 1;
    } else {
      const next = line.indexOf(delimiter, pos);
      cells.push(line.slice(pos, next < 0 ? line.length : next));
      if (next < 0) return cells;
      pos = next + 1;
    }
  }
}
