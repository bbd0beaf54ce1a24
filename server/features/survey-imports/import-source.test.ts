import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { checkWorkbookZip, detectFormat } from './import-source.js';

/*
 * Issue 4 "bad input": a 50 MB binary renamed .xlsx is refused as IMPORT_FILE_UNREADABLE quickly and without
 * reading the file: only the zip's tail and central directory are looked at.
 */

let dir: string;
let junk: string;
let workbook: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kps-source-'));
  const bytes = randomBytes(50 * 1024 * 1024);
  bytes.writeUInt32LE(0x04034b50, 0); // a zip signature in front of the junk
  junk = path.join(dir, 'junk');
  fs.writeFileSync(junk, bytes);
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hộ').addRow(['Mã hộ', 'Họ và tên']);
  workbook = path.join(dir, 'book');
  fs.writeFileSync(workbook, Buffer.from(await wb.xlsx.writeBuffer()));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
}

describe('detecting an uploaded workbook', () => {
  it('refuses 50 MB of junk with a zip signature after reading at most the zip tail', async () => {
    const stats = { bytesRead: 0 };
    const started = performance.now();
    expect(await checkWorkbookZip(junk, stats)).toBe(false);
    expect(await codeOf(detectFormat(junk, 'ho.xlsx'))).toBe('IMPORT_FILE_UNREADABLE');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(stats.bytesRead).toBeLessThanOrEqual(22 + 0xffff);
  });

  it('refuses junk without a signature when named .xlsx, and reads it as CSV otherwise', async () => {
    const plain = path.join(dir, 'plain');
    fs.writeFileSync(plain, randomBytes(4096));
    expect(await codeOf(detectFormat(plain, 'ho.xlsx'))).toBe('IMPORT_FILE_UNREADABLE');
    expect(await detectFormat(plain, 'ho.csv')).toBe('csv');
  });

  it('accepts a real workbook, and refuses a zip that holds no xl/workbook.xml', async () => {
    const stats = { bytesRead: 0 };
    expect(await checkWorkbookZip(workbook, stats)).toBe(true);
    expect(await detectFormat(workbook, 'ho.xlsx')).toBe('xlsx');
    const renamed = Buffer.from(
      fs.readFileSync(workbook).toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmm'),
      'latin1',
    );
    const other = path.join(dir, 'other');
    fs.writeFileSync(other, renamed);
    expect(await checkWorkbookZip(other)).toBe(false);
    expect(await codeOf(detectFormat(other, 'ho.xlsx'))).toBe('IMPORT_FILE_UNREADABLE');
  });
});
