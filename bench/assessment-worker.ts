import { createDatabase } from '../server/db/database.js';
import { scoreHamlets } from '../server/features/assessments/score-hamlets.js';
import { CRITERIA_TAN_UYEN_2023 } from '../seeds/reference/criteria-tan-uyen-2023.js';
import { handWrittenCounterSql } from './limit-sql.js';

/**
 * One measurement in a fresh process, so that peak RSS belongs to this side alone.
 *   ours:  assess every current hamlet through the product's engine (compile, one aggregate per table, facts, evaluate, roll-up)
 *   limit: the same counters by one hand-written SQL aggregate per table, through the raw driver
 * Prints one JSON line: { ms, peakRssMb, hamlets }.
 */
const [mode, url, date] = process.argv.slice(2);
const handle = createDatabase(url);
const hamletRows = await handle.db
  .selectFrom('adminUnits')
  .select('id')
  .where('level', '=', 'hamlet')
  .where('validTo', 'is', null)
  .execute();
const ids = hamletRows.map((r) => r.id);
const started = performance.now();
let hamlets = 0;
if (mode === 'ours') {
  const run = await scoreHamlets(handle.db, CRITERIA_TAN_UYEN_2023, date, ids, null);
  hamlets = run.hamlets.length;
  if (run.rollup.hamlets !== ids.length) throw new Error('roll-up lost hamlets');
} else {
  for (const q of handWrittenCounterSql(date)) {
    if (handle.dialect === 'sqlite')
      hamlets = Math.max(hamlets, handle.sqlite!.prepare(q.sql).raw().all().length);
    else
      hamlets = Math.max(hamlets, (await handle.pool!.query({ text: q.sql, rowMode: 'array' })).rows.length);
  }
}
const ms = performance.now() - started;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ ms, peakRssMb, hamlets }));
await handle.close();
