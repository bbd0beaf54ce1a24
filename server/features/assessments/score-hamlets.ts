import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import {
  compileCriteriaSet,
  evaluateHamlet,
  evaluateRollup,
  sumCounters,
  type AssessmentResult,
  type CompiledSet,
  type CounterValues,
  type CriteriaSetDefinition,
  type HamletFacts,
  type RollupResult,
  type Subject,
} from '../../../domain/criteria/index.js';
import { aggregateCounters } from './counter-sql.js';

export interface HamletScore {
  hamletId: number;
  counters: CounterValues;
  facts: HamletFacts;
  result: AssessmentResult;
}

export interface ScoreRun {
  compiled: CompiledSet;
  hamlets: HamletScore[];
  rollup: RollupResult;
}

const SUBJECTS: Subject[] = ['residents', 'households', 'businesses', 'wifiPoints'];

/** Officer-entered facts of each hamlet as they stood at `atIso` (null = now). */
export async function loadFacts(
  db: Kysely<Database>,
  hamletIds: number[],
  factKeys: string[],
  atIso: string | null,
): Promise<Map<number, HamletFacts>> {
  const out = new Map<number, HamletFacts>();
  if (hamletIds.length === 0 || factKeys.length === 0) return out;
  let query = db
    .selectFrom('hamletFacts')
    .select(['hamletId', 'factKey', 'valueBool', 'valueNum', 'evidence', 'decisionNo', 'decisionDate'])
    .where('hamletId', 'in', hamletIds)
    .where('factKey', 'in', factKeys);
  query =
    atIso === null
      ? query.where('validTo', 'is', null)
      : query
          .where('validFrom', '<=', atIso)
          .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', atIso)]));
  for (const row of await query.execute()) {
    const facts = out.get(row.hamletId) ?? {};
    const value = row.valueBool !== null ? row.valueBool === 1 : row.valueNum;
    const evidence =
      row.evidence ?? (row.decisionNo ? [row.decisionNo, row.decisionDate].filter(Boolean).join(' ') : null);
    facts[row.factKey] = { value, evidence };
    out.set(row.hamletId, facts);
  }
  return out;
}

/**
 * Scores hamlets with a criteria set on a date: compile once, then ONE aggregate query per survey table for all
 * the hamlets together (grouped by hamlet), one query for facts, and pure evaluation in memory. The roll-up adds
 * the raw counters of the hamlets and computes ratios from the sums, never averaging percentages.
 * `atIso` selects the data versions valid at that instant (null = current data).
 */
export async function scoreHamlets(
  db: Kysely<Database>,
  definition: CriteriaSetDefinition,
  assessmentDate: string,
  hamletIds: number[],
  atIso: string | null,
): Promise<ScoreRun> {
  const compiled = compileCriteriaSet(definition, assessmentDate);
  const bySubject = new Map<Subject, Map<number, CounterValues>>();
  for (const subject of SUBJECTS) {
    const counters = compiled.counters.filter((c) => c.subject === subject);
    bySubject.set(subject, await aggregateCounters(db, subject, counters, hamletIds, atIso));
  }
  const facts = await loadFacts(db, hamletIds, compiled.factKeys, atIso);
  const hamlets = hamletIds.map((hamletId) => {
    const counters: CounterValues = {};
    for (const subject of SUBJECTS) Object.assign(counters, bySubject.get(subject)!.get(hamletId) ?? {});
    // A table with no rows for the hamlet still yields its counters, as zeros, so results are complete.
    for (const c of compiled.counters) counters[c.id] ??= 0;
    const hamletFacts = facts.get(hamletId) ?? {};
    return {
      hamletId,
      counters,
      facts: hamletFacts,
      result: evaluateHamlet(compiled, counters, hamletFacts),
    };
  });
  const rollup = evaluateRollup(
    compiled,
    sumCounters(hamlets.map((h) => h.counters)),
    hamlets.map((h) => h.result),
  );
  return { compiled, hamlets, rollup };
}
