import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { AppError } from '../../errors.js';
import { CsvRecords } from './csv-records.js';

/*
 * Getting rows out of an uploaded file without holding it in memory (issue 4 §6): the request body is streamed
 * to a temporary file, then read again as a stream, CSV through CsvRecords and XLSX through exceljs' streaming
 * reader (first sheet only). Every row comes out as an array of text cells; the caller maps headers and parses
 * values. CSV must be UTF-8 (a BOM is accepted); anything else is refused, never guessed.
 */

/** Uploads beyond this are refused: a million residents in CSV are about 150 MB. */
export const IMPORT_MAX_BYTES = 512 * 1024 * 1024;

export interface SavedUpload {
  dir: string;
  file: string;
  bytes: number;
  dispose(): Promise<void>;
}

/** Streams an upload into a fresh temporary directory; the caller disposes it when done. */
export async function saveUpload(body: Readable, maxBytes = IMPORT_MAX_BYTES): Promise<SavedUpload> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kps-import-'));
  const file = path.join(dir, 'upload');
  const dispose = () => rm(dir, { recursive: true, force: true });
  let bytes = 0;
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          if (bytes > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, file, bytes, dispose };
}

export type FileFormat = 'xlsx' | 'csv';

const NOT_A_WORKBOOK = 'tệp không phải là tệp Excel .xlsx hợp lệ / not a valid .xlsx workbook';

const ZIP_LOCAL_HEADER = 0x04034b50;
const ZIP_END_OF_DIRECTORY = 0x06054b50;
const ZIP_DIRECTORY_ENTRY = 0x02014b50;
/** The end record (22 bytes) is followed by a comment of at most 65,535 bytes. */
const ZIP_TAIL_BYTES = 22 + 0xffff;
/** A workbook's directory lists a few dozen parts; a larger one is not a spreadsheet a ward would upload. */
const ZIP_DIRECTORY_MAX = 1 << 20;

/**
 * Checks that a zip file is a workbook from its tail alone: the end record, then the central directory, which
 * must list "xl/workbook.xml". A 50 MB binary with a zip signature in front is refused here after reading at
 * most ≈1 MB, before the streaming reader would walk through it. `stats.bytesRead` tells how much was read.
 */
export async function checkWorkbookZip(
  file: string,
  stats: { bytesRead: number } = { bytesRead: 0 },
): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const tailLength = Math.min(size, ZIP_TAIL_BYTES);
    const tail = Buffer.alloc(tailLength);
    stats.bytesRead += (await handle.read(tail, 0, tailLength, size - tailLength)).bytesRead;
    let end = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === ZIP_END_OF_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) return false;
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    // ZIP64 (offsets saturated at 0xFFFFFFFF) is left to the reader; no upload is that large.
    if (directoryOffset === 0xffffffff || directorySize === 0xffffffff) return true;
    if (directorySize > ZIP_DIRECTORY_MAX || directoryOffset + directorySize > size - (tailLength - end))
      return false;
    const directory = Buffer.alloc(directorySize);
    stats.bytesRead += (await handle.read(directory, 0, directorySize, directoryOffset)).bytesRead;
    for (let at = 0; at + 46 <= directory.length;) {
      if (directory.readUInt32LE(at) !== ZIP_DIRECTORY_ENTRY) return false;
      const nameLength = directory.readUInt16LE(at + 28);
      const name = directory.toString('latin1', at + 46, at + 46 + nameLength);
      if (name === 'xl/workbook.xml') return true;
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * A zip file (every .xlsx is one) starts with "PK\3\4" and must look like a workbook; anything else is read as
 * CSV unless named .xlsx.
 */
export async function detectFormat(file: string, filename: string | undefined): Promise<FileFormat> {
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(4);
  let bytesRead: number;
  try {
    ({ bytesRead } = await handle.read(head, 0, 4, 0));
  } finally {
    await handle.close();
  }
  const zip = bytesRead === 4 && head.readUInt32LE(0) === ZIP_LOCAL_HEADER;
  if (zip) {
    if (await checkWorkbookZip(file)) return 'xlsx';
    throw new AppError('IMPORT_FILE_UNREADABLE', {}, { reason: NOT_A_WORKBOOK });
  }
  if (filename && /\.xlsx?$/i.test(filename))
    throw new AppError('IMPORT_FILE_UNREADABLE', {}, { reason: NOT_A_WORKBOOK });
  return 'csv';
}

/** A row as read: its 1-based spreadsheet row number and its cells as text. */
export interface SourceRow {
  row: number;
  cells: string[];
}

function unreadable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
  return new AppError('IMPORT_FILE_UNREADABLE', {}, { reason });
}

/** Decodes UTF-8 strictly, chunk by chunk; on a bad byte, names the row it is on. */
async function* utf8Text(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let lines = 1;
  for await (const chunk of source) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const lossy = new TextDecoder('utf-8').decode(chunk);
      const bad = lossy.indexOf('\uFFFD');
      const row = lines + (lossy.slice(0, bad < 0 ? 0 : bad).match(/\n/g)?.length ?? 0);
      throw new AppError('IMPORT_NOT_UTF8', { row }, { row });
    }
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new AppError('IMPORT_NOT_UTF8', { row: lines }, { row: lines });
  }
}

/** Excel set to Vietnamese writes CSV with ";" (the decimal separator is ","); the header line tells which. */
async function sniffDelimiter(file: string): Promise<',' | ';'> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const text = head.subarray(0, bytesRead).toString('latin1');
    const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
    const count = (ch: string) => firstLine.split(ch).length - 1;
    return count(';') > count(',') ? ';' : ',';
  } finally {
    await handle.close();
  }
}

async function* csvBatches(file: string): AsyncGenerator<SourceRow[]> {
  const records = new CsvRecords(await sniffDelimiter(file));
  let row = 0;
  const number = (cells: string[][]): SourceRow[] => cells.map((c) => ({ row: ++row, cells: c }));
  try {
    for await (const text of utf8Text(fs.createReadStream(file, { highWaterMark: 1 << 16 }))) {
      yield number(records.push(text));
    }
    yield number(records.end());
  } catch (error) {
    throw unreadable(error);
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // exceljs gives date cells as JS dates at UTC midnight of the calendar day typed.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as {
      richText?: Array<{ text: string }>;
      result?: unknown;
      text?: unknown;
      error?: string;
    };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

async function* xlsxBatches(file: string): AsyncGenerator<SourceRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      let batch: SourceRow[] = [];
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        batch.push({ row: row.number, cells });
        if (batch.length === 1000) {
          yield batch;
          batch = [];
        }
      }
      yield batch;
      return; // the first sheet holds the data; "Hướng dẫn" and others are ignored
    }
  } catch (error) {
    throw unreadable(error);
  }
}

/** The rows of the file in batches, header first; blank rows are skipped but keep their numbers. */
export async function* readBatches(file: string, format: FileFormat): AsyncGenerator<SourceRow[]> {
  const batches = format === 'xlsx' ? xlsxBatches(file) : csvBatches(file);
  for await (const batch of batches) {
    const kept = batch.filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (kept.length > 0) yield kept;
  }
}
