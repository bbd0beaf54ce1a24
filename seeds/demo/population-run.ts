import { parseArgs } from 'node:util';
import { createDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { isDatabaseEmpty, seedDemo } from './index.js';
import { seedPopulation, type PopulationSize } from './population.js';

/*
 * Loads a demo population by hand and reports time and memory:
 *   npx tsx seeds/demo/population-run.ts --db ./data/bench.db --size bench
 *   npx tsx seeds/demo/population-run.ts --db postgres://postgres@127.0.0.1:5432/khuphoso_bench --size 200x50000
 * The database is migrated, and seeded with the demo city first when empty. --size is demo, bench, or
 * <hamlets>x<residents>.
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string', default: './data/bench.db' },
    size: { type: 'string', default: 'bench' },
    seed: { type: 'string', default: '1' },
    now: { type: 'string' },
  },
});

function parseSize(text: string): PopulationSize {
  if (text === 'demo' || text === 'bench') return text;
  const match = /^(\d+)x(\d+)$/.exec(text);
  if (!match) throw new Error(`--size must be demo, bench or <hamlets>x<residents>, not ${text}`);
  return { hamlets: Number(match[1]), residents: Number(match[2]) };
}

const now = values.now ? new Date(values.now) : new Date();
const handle = createDatabase(values.db);
try {
  await migrateToLatest(handle);
  if (await isDatabaseEmpty(handle)) await seedDemo(handle, { now, population: false });
  const { plans: _plans, ...report } = await seedPopulation(handle, {
    seed: Number(values.seed),
    size: parseSize(values.size),
    now,
  });
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `POPULATION engine=${handle.dialect} size=${values.size} households=${report.households} residents=${report.residents} ` +
      `rows=${report.householdRows + report.residentRows + report.businesses + report.wifiPoints + report.facts} ` +
      `elapsed_s=${(report.elapsedMs / 1000).toFixed(1)} peak_rss_mb=${report.peakRssMb}`,
  );
} finally {
  await handle.close();
}
