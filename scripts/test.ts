import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/**
 * `npm test`: the whole suite — unit and API tests on SQLite, the same on PostgreSQL, then the browser journeys.
 * Ends with the plain line "N passed, N failed" that CI reads. Exits non-zero if anything failed or could not run.
 *   TEST_PG_URL   where to create throw-away PostgreSQL databases (default postgres://postgres@127.0.0.1:5432/test)
 *   SKIP_E2E=1    leave out the browser journeys (they need Debian's chromium: apt-get install -y chromium)
 */
const outDir = path.resolve('test-output');
fs.mkdirSync(outDir, { recursive: true });
const vitest = path.resolve('node_modules/vitest/vitest.mjs');
const pgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}
const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];

function runVitest(label: string, args: string[], env: Record<string, string>): void {
  const report = path.join(outDir, `vitest-${label}.json`);
  fs.rmSync(report, { force: true });
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  if (!fs.existsSync(report)) {
    problems.push(`${label}: the test run produced no report (exit ${result.status})`);
    totals.failed += 1;
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests + json.numFailedTestSuites;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  console.log(
    `${label}: ${json.numPassedTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests} skipped`,
  );
  if (result.status !== 0 && json.numFailedTests + json.numFailedTestSuites === 0) {
    problems.push(`${label}: vitest exited with ${result.status}`);
    totals.failed += 1;
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

runVitest('sqlite', [], { TEST_DB: 'sqlite' });
if (await postgresReachable()) {
  runVitest('postgres', [], { TEST_DB: 'postgres', TEST_PG_URL: pgUrl });
} else {
  problems.push(
    `postgres: cannot connect to ${pgUrl}; start it (pg_ctlcluster 15 main start) or set TEST_PG_URL`,
  );
  totals.failed += 1;
}
if (process.env.SKIP_E2E === '1') {
  console.log('\nE2E left out because SKIP_E2E=1.');
} else if (!fs.existsSync('/usr/bin/chromium')) {
  problems.push(
    'e2e: /usr/bin/chromium is missing; install it with `apt-get install -y chromium` (or set SKIP_E2E=1)',
  );
  totals.failed += 1;
} else {
  const build = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      '-e',
      "import('./scripts/build-web-if-needed.ts').then(m => m.buildWebIfNeeded())",
    ],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) {
    problems.push('e2e: the web build failed');
    totals.failed += 1;
  } else {
    runVitest('e2e', ['--config', 'e2e/vitest.config.ts'], { TEST_DB: 'sqlite' });
  }
}

for (const p of problems) console.error(`PROBLEM: ${p}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
