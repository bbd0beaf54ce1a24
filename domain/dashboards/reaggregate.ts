import type { LineageLink } from '../admin-units/lineage.js';
import { pushTo } from '../collections/group.js';

/*
 * Results of units that existed on a past date, carried onto today's units through the reorganisation's lineage
 * (old → new links, `full` or `partial`). A unit that went whole into one of today's units adds its figures to that
 * unit's totals. A unit split over several of today's units is never added to any of them: it is listed beside
 * each successor as a partial contribution, with the share of it that went there, so no figure is counted twice.
 */

/** A unit as it stood on the past date, with the figures to carry forward and (optionally) its hamlets then. */
export interface PastUnit<T> {
  unitId: number;
  figures: T;
  /** Its hamlets on the past date; with `currentParentOf` they give the share of a split unit. */
  hamletIds?: readonly number[];
}

export interface Contribution<T> {
  unitId: number;
  figures: T;
  mergeType: 'full' | 'partial';
  /**
   * The part of the old unit that lies in this current unit, 0 < share ≤ 1, measured in hamlets (how many of its
   * hamlets then are in this unit today); 1 for a full merge; null when it cannot be measured.
   */
  share: number | null;
}

export interface ReaggregatedUnit<T> {
  currentUnitId: number;
  /** Old units entirely within this one: their figures add up to its totals. */
  full: Contribution<T>[];
  /** Old units split between this one and others: shown, never added. */
  partial: Contribution<T>[];
}

export interface ReaggregateResult<T> {
  units: ReaggregatedUnit<T>[];
  /** Past units with no path to any current unit (none in a consistent lineage; reported rather than dropped). */
  unmapped: number[];
}

/** An old unit's share of a current ward, as the dashboards show it: beside the ward, never added to its totals. */
export interface PartialSource {
  unitId: number;
  name: string;
  share: number | null;
  hamlets: number;
  hamletsMeetingStandard: number;
}

/**
 * Maps each past unit onto today's units. A past unit that is itself current maps to itself (full). Otherwise the
 * lineage is followed forwards, any number of hops, until current units are reached; the result is full only when
 * every hop was full and it ends in exactly one current unit. The share of a partial contribution is the fraction
 * of the old unit's hamlets whose parent today is that unit (`currentParentOf`), or null without hamlet data.
 */
export function reaggregateByLineage<T>(input: {
  pastUnits: readonly PastUnit<T>[];
  links: readonly LineageLink[];
  currentUnitIds: readonly number[];
  currentParentOf?: ReadonlyMap<number, number>;
}): ReaggregateResult<T> {
  const current = new Set(input.currentUnitIds);
  const out = new Map<number, ReaggregatedUnit<T>>(
    input.currentUnitIds.map((id) => [id, { currentUnitId: id, full: [], partial: [] }]),
  );
  const byFrom = new Map<number, LineageLink[]>();
  for (const link of input.links) pushTo(byFrom, link.fromUnitId, link);

  const unmapped: number[] = [];
  for (const past of input.pastUnits) {
    const targets = successorsOf(past.unitId, byFrom, current);
    if (targets.size === 0) {
      unmapped.push(past.unitId);
      continue;
    }
    const isFull = targets.size === 1 && [...targets.values()][0] === 'full';
    for (const targetId of targets.keys()) {
      const entry = out.get(targetId)!;
      if (isFull) {
        entry.full.push({ unitId: past.unitId, figures: past.figures, mergeType: 'full', share: 1 });
      } else {
        entry.partial.push({
          unitId: past.unitId,
          figures: past.figures,
          mergeType: 'partial',
          share: shareOf(past, targetId, input.currentParentOf),
        });
      }
    }
  }
  return { units: input.currentUnitIds.map((id) => out.get(id)!), unmapped };
}

/** Current units reachable from `start`, each with 'full' when the whole path was full. */
function successorsOf(
  start: number,
  byFrom: ReadonlyMap<number, LineageLink[]>,
  current: ReadonlySet<number>,
): Map<number, 'full' | 'partial'> {
  const found = new Map<number, 'full' | 'partial'>();
  if (current.has(start)) return found.set(start, 'full');
  const seen = new Set([start]);
  const queue: Array<{ id: number; kind: 'full' | 'partial' }> = [{ id: start, kind: 'full' }];
  while (queue.length > 0) {
    const { id, kind } = queue.shift()!;
    const links = byFrom.get(id) ?? [];
    for (const link of links) {
      // Two or more successors make a split even if the links were recorded as full.
      const hopKind = link.mergeType === 'partial' || links.length > 1 ? 'partial' : kind;
      if (current.has(link.toUnitId)) {
        const previous = found.get(link.toUnitId);
        found.set(link.toUnitId, previous === 'partial' || hopKind === 'partial' ? 'partial' : 'full');
      } else if (!seen.has(link.toUnitId)) {
        seen.add(link.toUnitId);
        queue.push({ id: link.toUnitId, kind: hopKind });
      }
    }
  }
  return found;
}

function shareOf<T>(
  past: PastUnit<T>,
  targetId: number,
  currentParentOf: ReadonlyMap<number, number> | undefined,
): number | null {
  if (!currentParentOf || !past.hamletIds || past.hamletIds.length === 0) return null;
  const inTarget = past.hamletIds.filter((h) => currentParentOf.get(h) === targetId).length;
  return inTarget / past.hamletIds.length;
}
