import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUSEHOLD_IMPORT_COLUMNS } from '../../../domain/surveys/import-columns.js';
import {
  auditOf,
  createSurveyTestApp,
  type Cookies,
  type SurveyTestApp,
} from '../surveys/surveys.fixtures.js';

let s: SurveyTestApp;

beforeAll(async () => {
  s = await createSurveyTestApp();
});
afterAll(async () => s.t.close());

const HEADER = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.header);

/** One resident row in template order; household columns first. */
function row(
  code: string,
  name: string,
  year: string,
  extra: Partial<Record<string, string>> = {},
): string[] {
  const base: Record<string, string> = {
    'Mã hộ': code,
    'Địa chỉ': `Số ${code.slice(1)}, đường ĐT 746`,
    'Đường/Tổ': 'ĐT 746',
    'Cư trú hộ': 'Thường trú',
    'Internet cố định': 'Có',
    'Internet di động': 'x',
    'Nhóm Zalo khu phố': '1',
    'Được tuyên truyền': '',
    'Họ và tên': name,
    'Năm sinh': year,
    'Giới tính': 'Nam',
    'Chủ hộ': '',
    VNeID: 'Mức 2',
    'Có tài khoản DVC': 'Có',
    'Biết dùng DVC': 'có',
    ...extra,
  };
  return HEADER.map((h) => base[h] ?? '');
}

const csv = (rows: string[][], header = HEADER) =>
  [header, ...rows]
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
    .join('\n');

const GOOD: string[][] = [
  row('K001', 'Nguyễn Văn An', '1980', { 'Chủ hộ': 'Có', 'Ngày sinh': '15/03/1980' }),
  row('K001', 'Trần Thị Bình', '1984', { 'Giới tính': 'Nữ' }),
  row('K001', 'Nguyễn Minh Cường', '2015', { VNeID: '0', 'Có tài khoản DVC': 'Không', 'Biết dùng DVC': 'k' }),
  row('K002', 'Lê Văn Dũng', '1975', { 'Chủ hộ': 'x', 'Cư trú hộ': 'Tạm trú', 'Cư trú': 'Tạm trú' }),
  row('K003', 'Phạm Thị Em', '1990', { 'Giới tính': 'nữ', 'Chủ hộ': '1' }),
];

const upload = (cookies: Cookies, body: string | Buffer, query: string, hamletId = s.khanhLong) =>
  s.t.app.inject({
    method: 'POST',
    url: `/api/hamlets/${hamletId}/imports?kind=households&${query}`,
    cookies,
    headers: { 'content-type': 'application/octet-stream' },
    payload: typeof body === 'string' ? Buffer.from(body, 'utf8') : body,
  });

async function counts() {
  const count = async (table: 'households' | 'residents') =>
    Number(
      (
        await s.t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('hamletId', '=', s.khanhLong)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { households: await count('households'), residents: await count('residents') };
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Hộ gia đình');
  sheet.addRow(HEADER);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('household imports', () => {
  it('serves a template with Vietnamese headers, an example row and a "Hướng dẫn" sheet', async () => {
    const res = await s.t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/households',
      cookies: s.as.head,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Hộ gia đình', 'Hướng dẫn']);
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    expect(wb.worksheets[0].rowCount).toBe(2);
    expect(wb.worksheets[1].getRow(2).getCell(1).value).toBe('Mã hộ');
  });

  it('dry-runs the downloaded template cleanly: one household to add, nothing written', async () => {
    const template = await s.t.app.inject({
      method: 'GET',
      url: '/api/imports/templates/households',
      cookies: s.as.head,
    });
    const before = await counts();
    const res = await upload(s.as.head, template.rawPayload, 'dryRun=true&filename=mau.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      dryRun: true,
      kind: 'households',
      summary: { rows: 1, added: 1, changed: 0, unchanged: 0, errors: 0 },
      changes: [{ row: 2, action: 'add', key: 'H0001' }],
      errors: [],
    });
    expect(await counts()).toEqual(before);
  });

  it('reports three bad rows by row, column and reason, and a commit writes nothing (422)', async () => {
    const bad = [
      ...GOOD,
      row('K004', 'Võ Văn Phúc', '19x5'),
      row('K005', 'Đỗ Thị Giang', '1988', { 'Giới tính': 'gái' }),
      row('K006', 'Hồ Văn Hải', '1970', { 'Có tài khoản DVC': 'Không', 'Biết dùng DVC': 'Có' }),
    ];
    const dry = await upload(s.as.head, csv(bad), 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json().summary).toEqual({ rows: 8, added: 3, changed: 0, unchanged: 0, errors: 3 });
    const errors = dry.json().errors;
    expect(errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [7, 'Năm sinh'],
      [8, 'Giới tính'],
      [9, 'Biết dùng DVC'],
    ]);
    expect(errors[0].vi).toContain('19x5');
    expect(errors[1].vi).toContain('Nam hoặc Nữ');
    expect(errors[1].en).toContain('male or female');
    expect(errors[2].vi).toContain('Có tài khoản DVC');

    const before = await counts();
    const commit = await upload(s.as.head, csv(bad), 'dryRun=false');
    expect(commit.statusCode).toBe(422);
    expect(commit.json().code).toBe('IMPORT_FAILED');
    expect(commit.json().details.errors).toEqual(errors);
    expect(await counts()).toEqual(before);
  });

  it('imports the fixed file in one go, with one summary audit entry', async () => {
    const before = await counts();
    const res = await upload(s.as.head, csv(GOOD), 'dryRun=false&filename=ho.csv');
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toEqual({ rows: 5, added: 3, changed: 0, unchanged: 0, errors: 0 });
    expect(await counts()).toEqual({ households: before.households + 3, residents: before.residents + 5 });
    const k001 = await s.t.db.db
      .selectFrom('households')
      .selectAll()
      .where('localCode', '=', 'K001')
      .where('validTo', 'is', null)
      .executeTakeFirstOrThrow();
    expect(k001).toMatchObject({
      residency: 'permanent',
      fixedBroadband: 1,
      mobileBroadband: 1,
      reachedByOutreach: null,
    });
    const members = await s.t.db.db
      .selectFrom('residents')
      .selectAll()
      .where('householdUid', '=', k001.uid)
      .execute();
    expect(members.map((m) => [m.fullName, m.birthKey, m.isHead, m.vneidLevel])).toEqual([
      ['Nguyễn Văn An', '1980-03-15', 1, 2],
      ['Trần Thị Bình', '1984-01-01', 0, 2],
      ['Nguyễn Minh Cường', '2015-01-01', 0, 0],
    ]);
    const audit = await auditOf(s.t, 'hamlet', String(s.khanhLong));
    expect(audit.filter((a) => a.action === 'household.import')).toHaveLength(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await counts();
    const res = await upload(s.as.head, csv(GOOD), 'dryRun=false');
    expect(res.statusCode).toBe(200);
    expect(res.json().summary).toMatchObject({ added: 0, changed: 0, unchanged: 3 });
    expect(await counts()).toEqual(before);
  });

  it('applies only the differences of a corrected file, keeping member uids', async () => {
    const corrected = GOOD.map((r) => [...r]);
    corrected[1][HEADER.indexOf('Tài khoản thanh toán')] = 'Có';
    const before = await counts();
    const dry = await upload(s.as.head, csv(corrected), 'dryRun=true');
    expect(dry.json().summary).toMatchObject({ added: 0, changed: 1, unchanged: 2 });
    expect(dry.json().changes[0]).toEqual({
      row: 2,
      action: 'change',
      key: 'K001',
      fields: ['Tài khoản thanh toán (Trần Thị Bình)'],
      diff: [{ column: 'Tài khoản thanh toán', member: 'Trần Thị Bình', before: '', after: 'Có' }],
    });
    const res = await upload(s.as.head, csv(corrected), 'dryRun=false');
    expect(res.statusCode).toBe(200);
    // One resident version closed and one inserted; the household itself did not change.
    expect(await counts()).toEqual({ households: before.households, residents: before.residents + 1 });
    const versions = await s.t.db.db
      .selectFrom('residents')
      .select(['uid', 'validTo', 'digitalPaymentAccount'])
      .where('fullName', '=', 'Trần Thị Bình')
      .orderBy('id')
      .execute();
    expect(versions).toHaveLength(2);
    expect(versions[0].uid).toBe(versions[1].uid);
    expect(versions[1]).toMatchObject({ validTo: null, digitalPaymentAccount: 1 });
  });

  it('matches a member retyped without accents, in lower case and with double spaces: an update, not add + remove', async () => {
    const retyped = GOOD.map((r) => [...r]);
    retyped[1][HEADER.indexOf('Tài khoản thanh toán')] = 'Có'; // as committed by the previous test
    retyped[2][HEADER.indexOf('Họ và tên')] = 'nguyen minh  CUONG';
    const [old] = await s.t.db.db
      .selectFrom('residents')
      .select(['uid'])
      .where('fullName', '=', 'Nguyễn Minh Cường')
      .where('validTo', 'is', null)
      .execute();
    const before = await counts();
    const dry = await upload(s.as.head, csv(retyped), 'dryRun=true');
    expect(dry.json().summary).toMatchObject({ added: 0, changed: 1, unchanged: 2, errors: 0 });
    expect(dry.json().changes[0].diff).toEqual([
      {
        column: 'Họ và tên',
        member: 'nguyen minh CUONG',
        before: 'Nguyễn Minh Cường',
        after: 'nguyen minh CUONG',
      },
    ]);
    const res = await upload(s.as.head, csv(retyped), 'dryRun=false');
    expect(res.statusCode).toBe(200);
    // One version closed and one inserted for the same member; nobody added, nobody removed.
    expect(await counts()).toEqual({ households: before.households, residents: before.residents + 1 });
    const versions = await s.t.db.db
      .selectFrom('residents')
      .select(['fullName', 'validTo'])
      .where('uid', '=', old.uid)
      .orderBy('id')
      .execute();
    expect(versions.map((v) => [v.fullName, v.validTo === null])).toEqual([
      ['Nguyễn Minh Cường', false],
      ['nguyen minh CUONG', true],
    ]);
    const again = await upload(s.as.head, csv(retyped), 'dryRun=true');
    expect(again.json().summary).toMatchObject({ changed: 0, unchanged: 3 });
  });

  it('exports the hamlet as CSV and XLSX that re-import unchanged, and logs the export', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const res = await s.t.app.inject({
        method: 'GET',
        url: `/api/hamlets/${s.khanhLong}/export?kind=households&format=${format}`,
        cookies: s.as.officerTanKhanh,
      });
      expect(res.statusCode).toBe(200);
      const again = await upload(s.as.head, res.rawPayload, `dryRun=true&filename=export.${format}`);
      expect(again.json().errors).toEqual([]);
      expect(again.json().summary).toMatchObject({ added: 0, changed: 0, errors: 0 });
      expect(again.json().summary.unchanged).toBeGreaterThanOrEqual(3);
    }
    const audit = await auditOf(s.t, 'admin_unit', String(s.khanhLong));
    expect(audit.filter((a) => a.action === 'household.export')).toHaveLength(2);
  });

  it('exports a whole ward, but not for a viewer or outside the scope', async () => {
    const ward = await s.t.app.inject({
      method: 'GET',
      url: `/api/hamlets/${s.tanKhanhWard}/export?format=csv`,
      cookies: s.as.officerTanKhanh,
    });
    expect(ward.statusCode).toBe(200);
    expect(ward.body).toContain('Trần Thị Bình');
    const outside = await s.t.app.inject({
      method: 'GET',
      url: `/api/hamlets/${s.khanhLong}/export?format=csv`,
      cookies: s.as.officerTanHiep,
    });
    expect(outside.statusCode).toBe(403);
    const viewer = await s.t.app.inject({
      method: 'GET',
      url: `/api/hamlets/${s.khanhLong}/export?format=csv`,
      cookies: s.as.viewer,
    });
    expect(viewer.statusCode).toBe(403);
  });

  it('accepts a UTF-8 BOM, semicolons, Excel numbers and dates stored as text', async () => {
    const rows = [row('K010', 'Bùi Văn Khoa', '1985.0', { 'Ngày sinh': '31121', 'Chủ hộ': 'yes' })];
    const text = '\uFEFF' + csv(rows).replaceAll(',', ';');
    const res = await upload(s.as.head, text, 'dryRun=true');
    expect(res.json().errors).toEqual([]);
    expect(res.json().summary).toMatchObject({ added: 1, errors: 0 });
    const xlsx = await upload(s.as.head, await xlsxOf(rows), 'dryRun=true&filename=a.xlsx');
    expect(xlsx.json().summary).toMatchObject({ added: 1, errors: 0 });
  });

  it('refuses a file that is not UTF-8, naming the row', async () => {
    // A UTF-8 header, then a row saved by an old tool in Windows-1258/Latin-1: "é" is the single byte 0xE9.
    const latin1 = Buffer.concat([
      Buffer.from(HEADER.join(',') + '\n', 'utf8'),
      Buffer.from(row('K011', 'Nguyen Van An', '1980', { 'Họ và tên': 'Ngu\u00e9n An' }).join(','), 'latin1'),
    ]);
    const res = await upload(s.as.head, latin1, 'dryRun=true');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IMPORT_NOT_UTF8', details: { row: 2 } });
  });

  it('rolls back a commit that breaks off mid-file (rows already written inside it), and stays usable', async () => {
    // 9,000 good households first (≈1.4 MB, more than the first read and than one PostgreSQL COPY chunk), so rows
    // are written into the open transaction before the bad byte is read.
    const good = Array.from({ length: 9000 }, (_, i) =>
      row(`R${String(i).padStart(4, '0')}`, 'Lý Văn Tám', '1970'),
    );
    const broken = Buffer.concat([Buffer.from(csv(good) + '\n', 'utf8'), Buffer.from([0x4e, 0xe9, 0x0a])]);
    const before = await counts();
    const res = await upload(s.as.head, broken, 'dryRun=false');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IMPORT_NOT_UTF8');
    expect(await counts()).toEqual(before);
    // The connection was not left inside the import's transaction: the next commit goes through.
    const next = await upload(s.as.head, csv(good.slice(0, 2)), 'dryRun=false');
    expect(next.statusCode).toBe(200);
    expect(await counts()).toEqual({ households: before.households + 2, residents: before.residents + 2 });
  });

  it('answers a 50 MB binary renamed .xlsx with IMPORT_FILE_UNREADABLE, never 500', async () => {
    const junk = randomBytes(50 * 1024 * 1024);
    const plain = await upload(s.as.head, junk, 'dryRun=true&filename=ho.xlsx');
    expect(plain.statusCode).toBe(422);
    expect(plain.json().code).toBe('IMPORT_FILE_UNREADABLE');
    junk.writeUInt32LE(0x04034b50, 0); // a zip signature in front of the junk
    const zipLike = await upload(s.as.head, junk, 'dryRun=true&filename=ho.xlsx');
    expect(zipLike.statusCode).toBe(422);
    expect(zipLike.json().code).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('names an empty file, a wrong header, orphan member rows, split and conflicting households', async () => {
    const empty = await upload(s.as.head, '', 'dryRun=true');
    expect(empty.json().errors.map((e: { code: string }) => e.code)).toEqual(['IMPORT_FILE_EMPTY']);
    const header = await upload(s.as.head, 'Mã hộ,Tên chủ hộ\nK1,An', 'dryRun=true');
    expect(header.json().errors[0]).toMatchObject({ row: 1, code: 'IMPORT_HEADER_INVALID' });
    expect(header.json().errors[0].vi).toContain('Tên chủ hộ');
    const messy = await upload(
      s.as.head,
      csv([
        row('K020', 'An', '1980'),
        row('', 'Bình', '1981'),
        row('K021', 'Cường', '1982'),
        row('K020', 'Dũng', '1983'),
        row('K021', 'Em', '1984', { 'Địa chỉ': 'Số khác' }),
      ]),
      'dryRun=false',
    );
    expect(messy.statusCode).toBe(422);
    expect(messy.json().details.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'SURVEY_IMPORT_HOUSEHOLD_MISSING'],
      [5, 'SURVEY_IMPORT_NOT_CONTIGUOUS'],
      [6, 'SURVEY_IMPORT_NOT_CONTIGUOUS'],
    ]);
    const conflict = await upload(
      s.as.head,
      csv([row('K021', 'Cường', '1982'), row('K021', 'Em', '1984', { 'Địa chỉ': 'Số khác' })]),
      'dryRun=true',
    );
    expect(conflict.json().errors).toEqual([
      expect.objectContaining({ row: 3, column: 'Địa chỉ', code: 'SURVEY_IMPORT_HOUSEHOLD_CONFLICT' }),
    ]);
  });

  it('lets only survey writers in scope import', async () => {
    expect((await upload(s.as.viewer, csv(GOOD), 'dryRun=true')).statusCode).toBe(403);
    expect((await upload(s.as.officerTanHiep, csv(GOOD), 'dryRun=true')).statusCode).toBe(403);
  });
});
