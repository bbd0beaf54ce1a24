import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { HOUSEHOLD_IMPORT_COLUMNS } from '../domain/surveys/import-columns.js';
import { formatCell } from '../domain/surveys/import-values.js';
import { memberKeyOf } from '../domain/surveys/import-household.js';
import {
  hamletPeople,
  planBenchHamlets,
  HOUSEHOLD_COLUMNS,
  RESIDENT_COLUMNS,
} from '../seeds/demo/population.js';

/*
 * Writes N residents of the demo generator as a households-template CSV (one row per resident, household columns
 * repeated), for the import benchmark and the SIGKILL test. The generated hamlets are folded into one file:
 * local codes get the source hamlet's number in front, so they stay unique in the one hamlet they import into.
 */

const HOUSEHOLD_FIELD: Record<string, number> = {
  localCode: HOUSEHOLD_COLUMNS.indexOf('local_code'),
  address: HOUSEHOLD_COLUMNS.indexOf('address'),
  street: HOUSEHOLD_COLUMNS.indexOf('street'),
  residency: HOUSEHOLD_COLUMNS.indexOf('residency'),
  fixedBroadband: HOUSEHOLD_COLUMNS.indexOf('fixed_broadband'),
  mobileBroadband: HOUSEHOLD_COLUMNS.indexOf('mobile_broadband'),
  inDigitalChannel: HOUSEHOLD_COLUMNS.indexOf('in_digital_channel'),
  reachedByOutreach: HOUSEHOLD_COLUMNS.indexOf('reached_by_outreach'),
};
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const VALID_TO_H = HOUSEHOLD_COLUMNS.indexOf('valid_to');
const VALID_TO_R = RESIDENT_COLUMNS.indexOf('valid_to');

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Writes (once) and returns the path of a CSV of `residents` residents in the households template layout. */
export async function writeBenchCsv(residents: number, dir = 'data/bench'): Promise<string> {
  const file = path.resolve(dir, `import-${residents}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const nowIso = '2026-11-28T03:00:00.000Z';
  const hamlets = Math.max(1, Math.ceil(residents / 10_000));
  const targets = Array.from({ length: hamlets }, (_, i) => ({
    id: 900_000 + i,
    name: `Bench ${i}`,
    wardId: null,
    wardName: null,
    validFrom: '2020-01-01',
  }));
  const plans = planBenchHamlets(1, targets, residents, nowIso);
  const tmp = `${file}.part`;
  const out = fs.createWriteStream(tmp);
  let chunk = HOUSEHOLD_IMPORT_COLUMNS.map((c) => c.header).join(',') + '\n';
  const flush = async () => {
    if (!out.write(chunk)) await once(out, 'drain');
    chunk = '';
  };
  for (const [p, plan] of plans.entries()) {
    for (const generated of hamletPeople(1, plan, nowIso)) {
      const h = generated.household.find((v) => v[VALID_TO_H] === null)!;
      const head = HOUSEHOLD_IMPORT_COLUMNS.filter((c) => c.household).map((c) => {
        const value = h[HOUSEHOLD_FIELD[c.field]];
        return c.field === 'localCode'
          ? `P${String(p).padStart(3, '0')}-${String(value)}`
          : formatCell(c.type, value);
      });
      const prefix = head.map(csvCell).join(',');
      const keys = new Set<string>();
      for (const r of generated.residents) {
        if (r[VALID_TO_R] !== null) continue;
        // Members match by folded name and birth year, so the rare generated namesake twin gets a distinct name.
        const name = String(r[RESIDENT_COLUMNS.indexOf('full_name')]);
        const year = Number(r[RESIDENT_COLUMNS.indexOf('birth_year')]);
        let key = memberKeyOf(name, year);
        if (keys.has(key)) {
          r[RESIDENT_COLUMNS.indexOf('full_name')] = `${name} Em`;
          key = memberKeyOf(`${name} Em`, year);
        }
        keys.add(key);
        const at = (field: string) =>
          r[RESIDENT_COLUMNS.indexOf(snake(field) as (typeof RESIDENT_COLUMNS)[number])];
        // The generator sometimes records online booking with neither device nor account, which the shared
        // schema refuses as a mis-recording; the benchmark wants a clean file, so such answers become unknown.
        const bookingImplausible =
          at('onlineMedicalBooking') === 1 &&
          at('smartDevice') === 0 &&
          at('onlinePublicServiceAccount') === 0;
        const cells = HOUSEHOLD_IMPORT_COLUMNS.filter((c) => !c.household).map((c) => {
          const value = c.field === 'onlineMedicalBooking' && bookingImplausible ? null : at(c.field);
          if (c.type === 'yesNo') return value === null ? '' : value === 1 ? 'Có' : 'Không';
          return formatCell(c.type, value);
        });
        chunk += prefix + ',' + cells.map(csvCell).join(',') + '\n';
      }
      if (chunk.length > 1 << 20) await flush();
    }
  }
  await flush();
  out.end();
  await once(out, 'finish');
  fs.renameSync(tmp, file);
  return file;
}
