import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_ENGINE, type TestDb } from '../../test/test-db.js';

const run = promisify(execFile);
let t: TestDb;
let dir: string;
let url: string;

/** Runs `npm run cli -- …` as a user would, against the test database; never throws, returns code and output. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'server/cli/main.ts', ...args],
      {
        env: { ...process.env, DATABASE_URL: url, LANG: 'C' },
      },
    );
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kps-cli-'));
  t = await createTestDb();
  url = TEST_ENGINE === 'sqlite' ? path.join(dir, 'cli.db') : t.url;
});
afterAll(async () => {
  await t.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the command line', () => {
  it('explains itself in Vietnamese by default and in English on request', async () => {
    expect((await cli('--help')).out).toContain('Nhập danh mục đơn vị hành chính');
    expect((await cli('--help', '--lang', 'en')).out).toContain('Import a list of administrative units');
    expect((await cli('db', 'backup', '--help', '--lang', 'en')).out).toContain('online backup');
  });

  it('refuses an unknown command with a non-zero exit', async () => {
    const res = await cli('units', 'explode');
    expect(res.code).toBe(2);
    expect(res.out).toContain('Lệnh không tồn tại');
  });

  it('migrates, seeds the demo once, creates a scoped user, and backs up', async () => {
    expect((await cli('db', 'migrate')).code).toBe(0);
    expect((await cli('demo', 'seed')).code).toBe(0);
    expect((await cli('demo', 'seed')).code).toBe(1); // not into a database that has data
    const created = await cli(
      'users',
      'create',
      '--username',
      'canbo.vinhtan',
      '--name',
      'Cán bộ Vĩnh Tân',
      '--role',
      'commune_officer',
      '--scope',
      '25912',
      '--password',
      'matkhau-dai-12',
    );
    expect(created.code).toBe(0);
    expect(created.out).toContain('canbo.vinhtan');
    const duplicate = await cli(
      'users',
      'create',
      '--username',
      'canbo.vinhtan',
      '--name',
      'X',
      '--role',
      'viewer',
      '--scope',
      '25912',
      '--password',
      'matkhau-dai-12',
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.out).toContain('USERNAME_TAKEN');
    const file = path.join(dir, TEST_ENGINE === 'sqlite' ? 'backup.db' : 'backup.dump');
    const backup = await cli('db', 'backup', file);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  }, 120_000);

  it('reports a malformed import file by row and writes nothing', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      file,
      'province_code,province_name,ward_code,ward_name,ward_type\n79,Thành phố Hồ Chí Minh,26734,Phường Mới,Khu\n',
    );
    const res = await cli('units', 'import', file);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/dòng 2/);
  });
});
