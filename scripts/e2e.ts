/*
 * Runs the browser journeys: builds the web app when web/dist is missing or older than its sources, then runs
 * vitest with e2e/vitest.config.ts and exits with its code. Extra arguments go to vitest (e.g. a file filter).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfNeeded } from './build-web-if-needed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'test-output', 'e2e', 'results.json');

if (buildWebIfNeeded(root)) console.log('Built web/dist (it was missing or older than web/src).');

fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.rmSync(resultsFile, { force: true });
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    'e2e/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);
if (run.error) throw run.error;

// A plain summary line that CI can read (vitest's own summary is decorated).
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
  };
  console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed`);
}
process.exit(run.status ?? 1);
