import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { createDatabase, type Db } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { firstCurrentHamlet, seedDemo } from '../seeds/demo/index.js';
import { HOUSEHOLD_IMPORT_COLUMNS } from '../domain/surveys/import-columns.js';
import { writeBenchCsv } from './import-csv.js';

/*
 * Import benchmark (issue 4 §8): a CSV of N residents (default 1,000,000) from the demo generator, imported by
 * (a) our importer with full validation, commit included, in a child process (peak RSS), against (b) the
 * database's own bulk load of the same file into a bare table: sqlite3's `.import` and PostgreSQL's COPY FROM
 * STDIN CSV HEADER. Each run starts from a fresh copy of the demo database. Median of --runs (default 3).
 * Options: --runs N, --engines sqlite,postgres, --residents N.
 */
const PG_ADMIN = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DIR = path.resolve('data/bench');

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function prepareTemplate(url: string): Promise<number> {
  const handle: Db = createDatabase(url);
  try {
    await migrateToLatest(handle);
    await seedDemo(handle, { population: false, now: new Date('2026-11-28T03:00:00Z') });
    if (handle.sqlite) handle.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return await firstCurrentHamlet(handle.db);
  } finally {
    await handle.close();
  }
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const pgUrl = (name: string) => {
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
};

function ours(
  url: string,
  csv: string,
  hamlet: number,
): {
  ms: number;
  cpuMs: number;
  peakRssMb: number;
  checkpointMs: number | null;
  summary: unknown;
} {
  const out = execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'bench/import-worker.ts', url, csv, String(hamlet)],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** sqlite3's .import into a bare table: wall time, and its CPU time (user + system) as /usr/bin/time reports it. */
function sqliteLimit(csv: string): { ms: number; cpuMs: number } {
  const bare = path.join(DIR, 'import-bare.db');
  const times = path.join(DIR, 'import-bare.time');
  fs.rmSync(bare, { force: true });
  const started = performance.now();
  execFileSync('/usr/bin/time', [
    '-f',
    '%U %S',
    '-o',
    times,
    '/usr/bin/sqlite3',
    bare,
    '.mode csv',
    `.import ${csv} bare`,
  ]);
  const ms = performance.now() - started;
  const [user, system] = fs.readFileSync(times, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(bare, { force: true });
  fs.rmSync(times, { force: true });
  return { ms, cpuMs: Math.round((user + system) * 1000) };
}

async function postgresLimit(url: string, csv: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = HOUSEHOLD_IMPORT_COLUMNS.map((_, i) => `c${i} text`).join(', ');
    await client.query(`drop table if exists bare; create table bare (${columns})`);
    const started = performance.now();
    await pipeline(
      fs.createReadStream(csv),
      client.query(copyFrom('copy bare from stdin with (format csv, header true)')),
    );
    const ms = performance.now() - started;
    await client.query('drop table bare');
    return ms;
  } finally {
    await client.end();
  }
}

export async function run(args: string[]): Promise<void> {
  const runs = Number(option(args, 'runs', '3'));
  const residents = Number(option(args, 'residents', '1000000'));
  const engines = option(args, 'engines', 'sqlite,postgres').split(',');
  fs.mkdirSync(DIR, { recursive: true });
  console.log(`\nimport benchmark: ${residents.toLocaleString('vi-VN')} residents, ${runs} runs`);
  const t0 = performance.now();
  const csv = await writeBenchCsv(residents, DIR);
  console.log(
    `  CSV ${csv} (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB, ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  for (const engine of engines) {
    const mine: number[] = [];
    const limit: number[] = [];
    const rss: number[] = [];
    // On SQLite both sides run in their own process, so CPU time compares them even on a busy machine.
    const cpuRatios: number[] = [];
    let hamlet: number;
    let freshUrl: () => Promise<string>;
    if (engine === 'sqlite') {
      const template = path.join(DIR, 'import-template.db');
      fs.rmSync(template, { force: true });
      hamlet = await prepareTemplate(template);
      const runDb = path.join(DIR, 'import-run.db');
      freshUrl = async () => {
        for (const f of [runDb, `${runDb}-wal`, `${runDb}-shm`]) fs.rmSync(f, { force: true });
        fs.copyFileSync(template, runDb);
        return runDb;
      };
    } else {
      const tpl = 'khuphoso_bench_import_tpl';
      await admin(async (c) => {
        await c.query(`drop database if exists ${tpl} with (force)`);
        await c.query(`create database ${tpl}`);
      });
      hamlet = await prepareTemplate(pgUrl(tpl));
      freshUrl = async () => {
        await admin(async (c) => {
          await c.query('drop database if exists khuphoso_bench_import_run with (force)');
          await c.query(`create database khuphoso_bench_import_run template ${tpl}`);
        });
        return pgUrl('khuphoso_bench_import_run');
      };
    }
    for (let i = 0; i < runs; i++) {
      const url = await freshUrl();
      const a = ours(url, csv, hamlet);
      const limitRun =
        engine === 'sqlite' ? sqliteLimit(csv) : { ms: await postgresLimit(url, csv), cpuMs: null };
      const b = limitRun.ms;
      if (limitRun.cpuMs !== null) cpuRatios.push(a.cpuMs / limitRun.cpuMs);
      mine.push(a.ms);
      limit.push(b);
      rss.push(a.peakRssMb);
      console.log(
        `  ${engine} run ${i + 1}: ours ${a.ms.toFixed(0)} ms (CPU ${a.cpuMs} ms, ${a.peakRssMb} MB, ${JSON.stringify(a.summary)}), ${engine === 'sqlite' ? '.import' : 'COPY'} ${b.toFixed(0)} ms` +
          // A large SQLite import returns at commit; its worker then copies the WAL into the database file.
          (a.checkpointMs === null
            ? ''
            : `; then the WAL copy into the database took ${a.checkpointMs.toFixed(0)} ms`),
      );
    }
    const ratio = median(mine) / median(limit);
    const target = engine === 'sqlite' ? 2.5 : 2.0;
    console.log(`  median: ours ${median(mine).toFixed(0)} ms, limit ${median(limit).toFixed(0)} ms`);
    if (cpuRatios.length > 0) {
      console.log(
        `  CPU time ratio ours/.import per run: ${cpuRatios.map((r) => r.toFixed(2)).join(', ')} (median ${median(cpuRatios).toFixed(2)})`,
      );
    }
    console.log(
      `BENCH import-${engine} ratio=${ratio.toFixed(2)} target=${target} peak_rss_mb=${Math.max(...rss)}`,
    );
  }
}
