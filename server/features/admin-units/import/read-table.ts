import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportIssues } from './import-issues.js';

/** The rows of a file as text cells, NFC-normalised and trimmed; `row` is the line (CSV) or sheet row (XLSX). */
export interface RawTable {
  header: string[];
  headerRow: number;
  rows: Array<{ row: number; cells: string[] }>;
}

/** Where the file comes from: a path (CLI) or bytes already in memory (HTTP upload). */
export type ImportSource = { path: string } | { bytes: Buffer };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

class NotUtf8Error extends Error {
  constructor(readonly row: number) {
    super('not utf-8');
  }
}

function clean(value: string): string {
  return value.normalize('NFC').trim();
}

async function firstBytes(source: ImportSource, count: number): Promise<Buffer> {
  if ('bytes' in source) return source.bytes.subarray(0, count);
  const handle = await fs.promises.open(source.path, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The line (1-based) of a chunk's first byte sequence that is not UTF-8, counting from `firstLine`. A chunk may begin
 * with the tail of a character split across chunks, so leading continuation bytes are skipped.
 */
function badLineInChunk(chunk: Buffer, firstLine: number): number {
  let start = 0;
  while (start < 3 && start < chunk.length && (chunk[start] & 0xc0) === 0x80) start += 1;
  let line = firstLine;
  let lineStart = start;
  for (let i = start; i <= chunk.length; i += 1) {
    if (i === chunk.length || chunk[i] === 0x0a) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(lineStart, i));
      } catch {
        return line;
      }
      line += 1;
      lineStart = i + 1;
    }
  }
  return line - 1;
}

/**
 * Decodes a byte stream as strict UTF-8 (a BOM is dropped), throwing NotUtf8Error with the line of the first bad
 * byte: a file saved in a legacy Vietnamese code page (TCVN3, VNI, Windows-1258) must be refused, not imported as
 * mojibake.
 */
async function* decodeUtf8(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new NotUtf8Error(badLineInChunk(chunk, line));
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) line += 1;
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new NotUtf8Error(line);
  }
}

async function readCsv(source: ImportSource, issues: ImportIssues): Promise<RawTable | null> {
  const bytes: AsyncIterable<Buffer> =
    'bytes' in source ? Readable.from([source.bytes]) : fs.createReadStream(source.path);
  const parser = parse({ relax_column_count: true, skip_empty_lines: true, info: true });
  const text = Readable.from(decodeUtf8(bytes));
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  const records: Array<{ row: number; cells: string[] }> = [];
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const cells = record.map(clean);
      if (cells.every((c) => c === '')) continue;
      records.push({ row: info.lines, cells });
    }
  } catch (error) {
    if (error instanceof NotUtf8Error) {
      issues.error(error.row, null, 'IMPORT_NOT_UTF8', { row: error.row });
      return null;
    }
    if (error instanceof CsvError) {
      const row = (error as CsvError & { lines?: number }).lines ?? null;
      issues.error(row, null, 'IMPORT_FILE_UNREADABLE', { reason: error.message });
      return null;
    }
    throw error;
  }
  return toTable(records, issues);
}

/** A cell of a workbook as text: dates as yyyy-MM-dd, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
    return '';
  }
  return String(value);
}

async function readXlsx(source: ImportSource, issues: ImportIssues): Promise<RawTable | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    if ('bytes' in source) {
      // exceljs types Buffer without the generic @types/node 20 now gives it; the value is a plain Buffer.
      await workbook.xlsx.load(source.bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    } else {
      await workbook.xlsx.readFile(source.path);
    }
  } catch (error) {
    issues.error(null, null, 'IMPORT_FILE_UNREADABLE', {
      reason: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
  const sheet = workbook.worksheets[0];
  const records: Array<{ row: number; cells: string[] }> = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    const cells = Array.from(values, (v) => clean(cellText(v ?? null)));
    if (cells.some((c) => c !== '')) records.push({ row: rowNumber, cells });
  });
  return toTable(records, issues, true);
}

/** `padShortRows`: a workbook row simply ends at its last filled cell, so missing trailing cells are empty ones. */
function toTable(
  records: Array<{ row: number; cells: string[] }>,
  issues: ImportIssues,
  padShortRows = false,
): RawTable | null {
  if (records.length === 0) {
    issues.error(null, null, 'IMPORT_FILE_EMPTY');
    return null;
  }
  const [head, ...rows] = records;
  // Spreadsheets often carry empty cells after the last column; they are not columns.
  let width = head.cells.length;
  while (width > 0 && head.cells[width - 1] === '') width -= 1;
  const padded = padShortRows
    ? rows.map((r) =>
        r.cells.length >= width
          ? r
          : { ...r, cells: [...r.cells, ...Array<string>(width - r.cells.length).fill('')] },
      )
    : rows;
  return { header: head.cells.slice(0, width), headerRow: head.row, rows: padded };
}

/** Reads a CSV (streamed, strict UTF-8) or the first sheet of an XLSX workbook (recognised by its zip signature). */
export async function readTable(source: ImportSource, issues: ImportIssues): Promise<RawTable | null> {
  const magic = await firstBytes(source, 4);
  return magic.equals(ZIP_MAGIC) ? readXlsx(source, issues) : readCsv(source, issues);
}
