import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.js';
import type { Database } from '../../server/db/tables.js';
import { isoDateInVietnam } from '../../domain/admin-units/dates.js';
import {
  compileCriteriaSet,
  evaluateHamlet,
  type CriteriaSetDefinition,
} from '../../domain/criteria/index.js';
import { monthEnds, progressShare, scaleYesCounters } from '../../domain/dashboards/simulated-history.js';
import { findSetInForce } from '../../server/features/criteria-sets/criteria-sets.repository.js';
import { scoreHamlets } from '../../server/features/assessments/score-hamlets.js';

/** The first month of stored demo history: the programme's first year before the 07/2025 reorganisation. */
export const DEMO_HISTORY_FROM = '2025-01';
const INSERT_CHUNK = 200;

/**
 * Stores one snapshot per demo hamlet at the end of every month since DEMO_HISTORY_FROM, so the dashboards'
 * progress charts have a past. The demo population has no dated history (it is loaded at once), so the counters
 * are today's with fewer "yes" answers in earlier months (domain/dashboards/simulated-history.ts). Each month uses
 * the criteria version in force then. Today's data is scored once per version: one aggregate query per table.
 */
export async function seedDemoHistory(handle: Db, now: Date): Promise<{ snapshots: number }> {
  const today = isoDateInVietnam(now);
  const nowIso = now.toISOString();
  const hamlets = await handle.db
    .selectFrom('adminUnits')
    .select('id')
    .where('level', '=', 'hamlet')
    .where('validTo', 'is', null)
    .orderBy('id')
    .execute();
  const hamletIds = hamlets.map((h) => h.id);
  const dates = monthEnds(DEMO_HISTORY_FROM, today);
  if (hamletIds.length === 0 || dates.length === 0) return { snapshots: 0 };

  const runs = new Map<
    number,
    Awaited<ReturnType<typeof scoreHamlets>> & { definition: CriteriaSetDefinition }
  >();
  const rows: Array<Insertable<Database['assessments']>> = [];
  for (const [index, date] of dates.entries()) {
    const set = await findSetInForce(handle.db, date);
    if (!set) continue;
    let run = runs.get(set.id);
    if (!run) {
      const definition = JSON.parse(set.definition) as CriteriaSetDefinition;
      run = { ...(await scoreHamlets(handle.db, definition, today, hamletIds, null)), definition };
      runs.set(set.id, run);
    }
    const compiled = compileCriteriaSet(run.definition, date);
    for (const hamlet of run.hamlets) {
      const share = progressShare(hamlet.hamletId, index, dates.length + 1);
      const counters = scaleYesCounters(compiled, hamlet.counters, share);
      const result = evaluateHamlet(compiled, counters, hamlet.facts);
      const stored = JSON.stringify({ kind: 'hamlet', result });
      rows.push({
        unitId: hamlet.hamletId,
        assessmentDate: date,
        criteriaSetId: set.id,
        fingerprint: createHash('sha256').update(`demo-history|${set.id}|${stored}`).digest('hex'),
        meetsStandard: Number(result.overall.meetsStandard),
        met: result.overall.met,
        applicable: result.overall.applicable,
        result: stored,
        counters: JSON.stringify({ [hamlet.hamletId]: counters }),
        computedAt: nowIso,
        computedBy: null,
      });
    }
  }
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await trx
        .insertInto('assessments')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
  });
  return { snapshots: rows.length };
}
