import type { CompiledSet, CounterValues } from '../criteria/index.js';

/*
 * The demo population is loaded in one go, so its survey rows carry no dated history: assessed "as of" a past day
 * they would be empty. To give the dashboards a believable past, the demo seed stores monthly snapshots whose
 * counters are today's, with part of the "yes" answers turned into "no" in earlier months: progress rises from a
 * starting share that differs by hamlet to today's values. Denominators never change, so the history stays
 * consistent with today's population. Deterministic: the same hamlet and month always give the same figures.
 */

/** Last days of each month from `fromMonth` (yyyy-MM) up to the last month that ended before `today`. */
export function monthEnds(fromMonth: string, today: string): string[] {
  const out: string[] = [];
  let year = Number(fromMonth.slice(0, 4));
  let month = Number(fromMonth.slice(5, 7));
  for (;;) {
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (last >= today) return out;
    out.push(last);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * The share of today's "yes" answers already given at step `index` of `steps` (the last step is today): it starts
 * between 0.45 and 0.80 depending on the hamlet and grows linearly to 1, which a hamlet reaches between 0 and 6
 * steps before today (so hamlets meeting the standard today met it for a while already). Unit: fraction.
 */
export function progressShare(hamletId: number, index: number, steps: number): number {
  const start = 0.45 + ((hamletId * 37) % 8) * 0.05;
  const reachedAt = Math.max(1, steps - 1 - ((hamletId * 13) % 7));
  if (index >= reachedAt) return 1;
  return start + ((1 - start) * index) / reachedAt;
}

/**
 * Today's counters with a `share` of each ratio's "yes" answers kept and the rest moved to "no" (a person who has
 * no VNeID yet, rather than one whose answer is unknown). Counters that are also a denominator are left alone.
 */
export function scaleYesCounters(
  compiled: CompiledSet,
  counters: CounterValues,
  share: number,
): CounterValues {
  const denominators = new Set<string>();
  const noOf = new Map<string, Set<string>>();
  for (const c of compiled.criteria) {
    if (c.counters?.kind !== 'ratio') continue;
    denominators.add(c.counters.den);
    const set = noOf.get(c.counters.yes) ?? new Set<string>();
    set.add(c.counters.no);
    noOf.set(c.counters.yes, set);
  }
  const out: CounterValues = { ...counters };
  for (const [yesId, noIds] of noOf) {
    if (denominators.has(yesId) || !(yesId in counters)) continue;
    const yes = counters[yesId] ?? 0;
    const kept = Math.floor(yes * share);
    out[yesId] = kept;
    for (const noId of noIds) out[noId] = (counters[noId] ?? 0) + (yes - kept);
  }
  return out;
}
