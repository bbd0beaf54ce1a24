// The SQLite side of a large import, on its own thread and connection (see sqlite-worker-sink.ts). Plain
// JavaScript with no project imports, so that it loads the same under tsx, vitest and node alone.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

// The SQL comes prepared as text from sqlite-statements.ts (the same as the one-thread writer runs).
const { file, statements, version, rowsPerStatement } = workerData;
const db = new SQLite(file);
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');
// FULL, unlike the app's own connection: "committed" must survive a power cut, so the WAL is synced at the
// COMMIT (SQLite cannot change this inside the transaction); the checkpoint that used to sync it runs after.
db.pragma('synchronous = FULL');
// Keeps the indexes' hot pages in memory during the load (32 MB; the default is 2 MB).
db.pragma('cache_size = -32768');
// The WAL is copied into the database file after the commit has been reported (see `committed` below), not by
// the COMMIT itself: for 1M residents that copy is ≈2 s the importer does not have to wait for.
db.pragma('wal_autocheckpoint = 0');

const tables = {};
for (const name of ['households', 'residents']) {
  const sql = statements[name];
  tables[name] = {
    width: sql.width,
    many: db.prepare(sql.many),
    one: db.prepare(sql.one),
    close: db.prepare(sql.close),
  };
}
const bound = { validFrom: version.at, changedBy: version.actorId, changeNote: version.note };
let written = 0;
let open = false;

function insertAll(table, values) {
  const t = tables[table];
  const many = t.width * rowsPerStatement;
  let at = 0;
  for (; at + many <= values.length; at += many) t.many.run(values.slice(at, at + many), bound);
  for (; at < values.length; at += t.width) t.one.run(values.slice(at, at + t.width), bound);
  written += values.length / t.width;
}

function closeAll(table, pairs) {
  const stmt = tables[table].close;
  for (let i = 0; i < pairs.length; i += 2) {
    if (stmt.run(version.at, pairs[i], pairs[i + 1]).changes !== 1) {
      throw Object.assign(new Error('version changed meanwhile'), {
        code: 'SURVEY_IMPORT_CONCURRENT_CHANGE',
      });
    }
  }
  written += pairs.length / 2;
}

function end(reply) {
  if (open && db.inTransaction) db.exec('rollback');
  open = false;
  db.close();
  parentPort.postMessage(reply);
  parentPort.close();
}

parentPort.on('message', (message) => {
  if (!db.open) return;
  try {
    if (message.type === 'batch') {
      // Closes first (a changed record's new version reuses its uid), households before their members.
      closeAll('households', message.closes.households);
      closeAll('residents', message.closes.residents);
      insertAll('households', message.rows.households);
      insertAll('residents', message.rows.residents);
      parentPort.postMessage({ type: 'written', rows: written });
    } else if (message.type === 'commit') {
      if (message.audit) db.prepare(message.audit.sql).run(...message.audit.parameters);
      db.exec('commit');
      open = false;
      parentPort.postMessage({ type: 'committed' });
      // The rows are committed (readers see them through the WAL); copying the WAL into the database file is
      // housekeeping that would otherwise fall on the next small write's autocheckpoint. PASSIVE never blocks a
      // reader or writer; whatever it cannot copy now, a later checkpoint does.
      const started = performance.now();
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // A failed checkpoint loses nothing: the WAL keeps the frames and the next checkpoint copies them.
      }
      end({ type: 'checkpointed', ms: performance.now() - started });
    } else {
      end({ type: 'rolledBack' });
    }
  } catch (error) {
    end({ type: 'error', code: error?.code ?? null, message: String(error?.message ?? error) });
  }
});

try {
  // Taken before the main thread reads the current households, so no other writer can slip in between.
  db.exec('begin immediate');
  open = true;
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  end({ type: 'error', code: error?.code ?? null, message: String(error?.message ?? error) });
}
