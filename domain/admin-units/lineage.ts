import type { MergeType } from './constants.js';
import { pushTo } from '../collections/group.js';

/** One old → new link of the reorganisation (a row of unit_lineage). */
export interface LineageLink {
  fromUnitId: number;
  toUnitId: number;
  mergeType: MergeType;
  effectiveDate: string;
}

export interface LineageSummary {
  /** Links into the unit: the units it was formed from. */
  predecessors: LineageLink[];
  /** Links out of the unit: the units it went into. */
  successors: LineageLink[];
  /** Every link reachable by following predecessors back and successors forward, any number of hops. */
  chain: LineageLink[];
}

/**
 * Sorts the links touching `unitId` into predecessors and successors (one hop), and collects the whole chain:
 * predecessors of predecessors backwards, successors of successors forwards. Sideways links (the other successors
 * of a predecessor that was split) are not followed, so the chain stays about this unit's own territory.
 */
export function summariseLineage(links: readonly LineageLink[], unitId: number): LineageSummary {
  const byTo = new Map<number, LineageLink[]>();
  const byFrom = new Map<number, LineageLink[]>();
  for (const link of links) {
    pushTo(byTo, link.toUnitId, link);
    pushTo(byFrom, link.fromUnitId, link);
  }
  const chain = new Set<LineageLink>();
  const walk = (start: number, next: (id: number) => LineageLink[], other: (l: LineageLink) => number) => {
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      for (const link of next(queue.shift()!)) {
        chain.add(link);
        const id = other(link);
        if (!seen.has(id)) {
          seen.add(id);
          queue.push(id);
        }
      }
    }
  };
  walk(
    unitId,
    (id) => byTo.get(id) ?? [],
    (l) => l.fromUnitId,
  );
  walk(
    unitId,
    (id) => byFrom.get(id) ?? [],
    (l) => l.toUnitId,
  );
  return {
    predecessors: byTo.get(unitId) ?? [],
    successors: byFrom.get(unitId) ?? [],
    chain: [...chain],
  };
}

/**
 * Province-level lineage derived from commune-level links: each old province is linked to every new province that
 * received some of its communes; `full` when all of them went to that one province, `partial` when they were spread
 * over several. Input pairs are (old province, new province), one per commune link; the result is sorted by both keys.
 */
export function deriveProvinceLineage<K extends string | number>(
  pairs: ReadonlyArray<{ from: K; to: K }>,
): Array<{ from: K; to: K; mergeType: MergeType }> {
  const targets = new Map<K, Set<K>>();
  for (const { from, to } of pairs) {
    if (!targets.has(from)) targets.set(from, new Set());
    targets.get(from)!.add(to);
  }
  const out: Array<{ from: K; to: K; mergeType: MergeType }> = [];
  for (const [from, tos] of targets) {
    const mergeType: MergeType = tos.size === 1 ? 'full' : 'partial';
    for (const to of tos) out.push({ from, to, mergeType });
  }
  return out.sort((a, b) =>
    a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0,
  );
}
