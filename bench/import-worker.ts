import fs from 'node:fs';
import { createDatabase } from '../server/db/database.js';
import {
  runImport,
  SQLITE_WORKER_MIN_BYTES,
} from '../server/features/survey-imports/survey-imports.service.js';
import type { Actor } from '../server/policies/actor.js';

/**
 * One import in a fresh process, so that peak RSS belongs to the import alone (also the SIGKILL test's child).
 *   tsx bench/import-worker.ts <db url> <csv file> <hamlet id> [--announce]
 * Imports the file into the hamlet (commit, full validation) as the city admin, then prints one JSON line:
 * { ms, peakRssMb, summary }. With --announce it prints "started writing" when the commit starts writing rows.
 */
const [url, file, hamlet, flag] = process.argv.slice(2);
const handle = createDatabase(url);
const admin = await handle.db
  .selectFrom('users')
  .select(['id', 'username', 'displayName'])
  .where('role', '=', 'city_admin')
  .orderBy('id')
  .executeTakeFirstOrThrow();
const actor: Actor = {
  id: admin.id,
  username: admin.username,
  displayName: admin.displayName,
  role: 'city_admin',
  scopeUnitIds: [],
  isUnlimited: true,
  sessionId: 'bench',
};
let announced = false;
let writingAt: number | null = null;
let checkpointMs: number | null = null;
let checkpointed!: () => void;
const checkpointDone = new Promise<void>((resolve) => (checkpointed = resolve));
const started = performance.now();
const cpuAtStart = process.cpuUsage();
const result = await runImport(
  handle,
  { actor, now: new Date('2026-11-28T05:00:00Z'), ip: null },
  {
    hamletId: Number(hamlet),
    kind: 'households',
    dryRun: false,
    filename: 'bench.csv',
    body: fs.createReadStream(file),
  },
  {
    onCheckpointed: (ms) => {
      checkpointMs = ms;
      checkpointed();
    },
    onWriting: () => {
      writingAt ??= performance.now();
      if (flag === '--announce' && !announced) {
        announced = true;
        // A synchronous write: the parent must see it while the commit is still running.
        fs.writeSync(1, 'started writing\n');
      }
    },
  },
);
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuAtStart);
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
// firstWriteMs: until the first rows were written (10,000 on SQLite, one COPY chunk on PostgreSQL); cpuMs: this
// process's CPU time (on SQLite it includes the database engine's own work, which runs in this process).
const firstWriteMs = writingAt === null ? ms : writingAt - started;
// A large SQLite import returns once committed; its worker then copies the WAL into the database file. That copy
// is reported apart (checkpointMs, and untilCheckpointedMs from the start), not hidden.
let untilCheckpointedMs: number | null = null;
if (handle.sqlite && fs.statSync(file).size >= SQLITE_WORKER_MIN_BYTES && !flag) {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([checkpointDone, new Promise((resolve) => (timer = setTimeout(resolve, 60_000)))]);
  clearTimeout(timer);
  if (checkpointMs !== null) untilCheckpointedMs = performance.now() - started;
}
console.log(
  JSON.stringify({
    ms,
    firstWriteMs,
    cpuMs,
    peakRssMb,
    checkpointMs,
    untilCheckpointedMs,
    summary: result.summary,
  }),
);
await handle.close();
