import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Db } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { seedDemo } from '../seeds/demo/index.js';
import { seedPopulation } from '../seeds/demo/population.js';
import { readSetting, writeSetting } from '../server/features/assessments/assessments.repository.js';

/*
 * Assessment benchmark (issue 3): assess every hamlet of a 1,000,000-resident city (a) through the engine, against
 * (b) one hand-written SQL aggregate per table computing the same counters, in the same run, on SQLite and on
 * PostgreSQL. Reports the median ratio a/b over several alternating runs and the peak RSS of (a).
 * Options: --runs N (default 5), --engines sqlite,postgres, --residents N (default 1000000), --hamlets N (default 1000).
 */
const PG_ADMIN = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATE = '2026-11-28';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function prepare(url: string, residents: number, hamlets: number): Promise<void> {
  const marker = `seed1-${hamlets}h-${residents}r`;
  const handle: Db = createDatabase(url);
  try {
    await migrateToLatest(handle);
    if ((await readSetting(handle.db, 'benchPopulation')) === marker) return;
    console.log(`  generating ${residents.toLocaleString('vi-VN')} residents in ${hamlets} hamlets…`);
    await seedDemo(handle, { population: false, now: new Date(`${DATE}T03:00:00Z`) });
    const report = await seedPopulation(handle, {
      seed: 1,
      size: { hamlets, residents },
      now: new Date(`${DATE}T03:00:00Z`),
    });
    console.log(`  generated in ${(report.elapsedMs / 1000).toFixed(1)} s (${report.households} households)`);
    if (handle.dialect === 'postgres') await handle.pool!.query('analyze');
    else handle.sqlite!.exec('analyze');
    await writeSetting(handle.db, 'benchPopulation', marker, new Date().toISOString());
  } finally {
    await handle.close();
  }
}

async function postgresUrl(name: string, fresh: boolean): Promise<string> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (exists && fresh) await admin.query(`drop database ${name} with (force)`);
  if (!exists || fresh) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN);
  url.pathname = `/${name}`;
  return url.toString();
}

function measure(mode: 'ours' | 'limit', url: string): { ms: number; peakRssMb: number; hamlets: number } {
  const out = execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'bench/assessment-worker.ts', mode, url, DATE],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

export async function run(args: string[]): Promise<void> {
  const runs = Number(option(args, 'runs', '5'));
  const residents = Number(option(args, 'residents', '1000000'));
  const hamlets = Number(option(args, 'hamlets', '1000'));
  const engines = option(args, 'engines', 'sqlite,postgres').split(',');
  for (const engine of engines) {
    console.log(
      `\nassessment benchmark on ${engine}: ${residents.toLocaleString('vi-VN')} residents, ${runs} runs`,
    );
    const url =
      engine === 'sqlite'
        ? path.resolve(`data/bench/assessment-${hamlets}h-${residents}r.db`)
        : await postgresUrl(`khuphoso_bench_${hamlets}h_${residents}r`, false);
    if (engine === 'sqlite') fs.mkdirSync(path.dirname(url), { recursive: true });
    await prepare(url, residents, hamlets);
    const ours: number[] = [];
    const limit: number[] = [];
    const rss: number[] = [];
    measure('limit', url); // warm the page cache so the first run is not penalised
    for (let i = 0; i < runs; i++) {
      const a = measure('ours', url);
      const b = measure('limit', url);
      ours.push(a.ms);
      limit.push(b.ms);
      rss.push(a.peakRssMb);
      console.log(
        `  run ${i + 1}: engine ${a.ms.toFixed(0)} ms (${a.hamlets} hamlets, ${a.peakRssMb} MB), hand-written SQL ${b.ms.toFixed(0)} ms`,
      );
    }
    const ratio = median(ours.map((a, i) => a / limit[i]));
    console.log(`  median: engine ${median(ours).toFixed(0)} ms, limit ${median(limit).toFixed(0)} ms`);
    console.log(
      `BENCH assessment-${engine} ratio=${ratio.toFixed(2)} target=1.5 peak_rss_mb=${Math.max(...rss)}`,
    );
  }
}
