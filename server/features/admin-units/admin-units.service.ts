import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { summariseLineage } from '../../../domain/admin-units/lineage.js';
import { foldSearchText, levelRank, searchMatchRank } from '../../../domain/admin-units/search-rank.js';
import type { UnitDetail, UnitLineage, UnitSummary } from '../../../domain/admin-units/schemas.js';
import { compareVietnamese, foldVietnamese } from '../../../domain/text/fold.js';
import type { Db } from '../../db/database.js';
import type { AdminLevel, AdminUnit } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { scopeUnitIds } from '../../policies/scope.js';
import { canAddHamletUnder, canEditUnit } from './admin-units.policy.js';
import { adminUnitsRepository, type UnitRow } from './admin-units.repository.js';
import { pushTo } from '../../../domain/collections/group.js';

/** How many name matches are ranked before the best `limit` are kept. */
const SEARCH_CANDIDATES = 1000;
/** Ancestors are at most province > district > commune above a hamlet; the bound guards against bad data. */
const MAX_DEPTH = 6;

export function toSummary(row: UnitRow, childCount?: number): UnitSummary {
  return {
    id: Number(row.id),
    level: row.level,
    code: row.code,
    localCode: row.localCode,
    name: row.name,
    type: row.type,
    parentId: row.parentId == null ? null : Number(row.parentId),
    parentName: row.parentName,
    validFrom: row.validFrom,
    validTo: row.validTo,
    isDemo: Number(row.isDemo) === 1,
    ...(childCount === undefined ? {} : { childCount }),
  };
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareVietnamese(a.name, b.name);
}

/** Read use cases of the versioned tree. Every read starts from the actor's scope. */
export function adminUnitsService(handle: Db, now: () => Date) {
  const repo = adminUnitsRepository(handle);
  const today = () => isoDateInVietnam(now());

  /** The unit, after checking it exists (404) and lies in the actor's scope (403). */
  async function loadInScope(
    actor: Actor,
    id: number,
  ): Promise<{ unit: AdminUnit; scope: Set<number> | null }> {
    const unit = await repo.findUnit(id);
    if (!unit) throw new AppError('UNIT_NOT_FOUND');
    const scope = await scopeUnitIds(handle, actor);
    if (scope && !scope.has(unit.id)) throw new AppError('UNIT_NOT_IN_SCOPE');
    return { unit, scope };
  }

  async function withChildCounts(rows: UnitRow[], date: string): Promise<UnitSummary[]> {
    const counts = await repo.childCountsOn(
      rows.map((r) => Number(r.id)),
      date,
    );
    return rows.map((r) => toSummary(r, counts.get(Number(r.id)) ?? 0));
  }

  /**
   * The tops of what the actor sees on `date`: provinces for an unlimited actor; otherwise the units of their scope
   * (which includes the units their scope units fully replaced) whose parent that day lies outside it. So a new
   * ward's officer browsing 2024 sees the old wards it was formed from.
   */
  async function rootsOn(actor: Actor, date: string): Promise<UnitRow[]> {
    const scope = await scopeUnitIds(handle, actor);
    if (scope === null) return repo.provincesOn(date);
    const periods = await repo.parentsOn([...scope], date);
    const tops = periods
      .filter((p) => p.parentId === null || !scope.has(Number(p.parentId)))
      .map((p) => Number(p.unitId));
    return repo.summariesOn(tops, date);
  }

  return {
    loadInScope,

    async tree(actor: Actor, query: { asOf?: string; parentId?: number }) {
      const asOf = query.asOf ?? today();
      let rows: UnitRow[];
      if (query.parentId === undefined) {
        rows = await rootsOn(actor, asOf);
        rows.sort((a, b) => levelRank(a.level) - levelRank(b.level) || byName(a, b));
      } else {
        await loadInScope(actor, query.parentId);
        rows = (await repo.childrenOn(query.parentId, asOf)).sort(byName);
      }
      return { asOf, items: await withChildCounts(rows, asOf) };
    },

    async detail(actor: Actor, id: number, asOfInput?: string): Promise<UnitDetail> {
      const asOf = asOfInput ?? today();
      const { unit } = await loadInScope(actor, id);
      const row = (await repo.summaryOn(id, asOf))!;
      const [summary] = await withChildCounts([row], asOf);
      const periods = await repo.periodsOf(id);
      const ancestors: UnitDetail['ancestors'] = [];
      let parentId = row.parentId == null ? null : Number(row.parentId);
      while (parentId !== null && ancestors.length < MAX_DEPTH) {
        const parent = await repo.summaryOn(parentId, asOf);
        if (!parent) break;
        ancestors.unshift({ id: Number(parent.id), name: parent.name, level: parent.level });
        parentId = parent.parentId == null ? null : Number(parent.parentId);
      }
      return {
        unit: summary,
        periods: periods.map((p) => ({
          name: p.name,
          type: p.type,
          parentId: p.parentId == null ? null : Number(p.parentId),
          parentName: p.parentName,
          validFrom: p.validFrom,
          validTo: p.validTo,
          reason: p.reason,
        })),
        ancestors,
        abilities: {
          canRename: canEditUnit(actor, unit),
          canChangeType: canEditUnit(actor, unit),
          canAddHamlet: canAddHamletUnder(actor, unit),
        },
      };
    },

    /**
     * One hop of lineage both ways, plus the whole chain. Linked units outside the actor's scope are still named
     * (unit names and reorganisation resolutions are public law) but flagged `inScope: false`, so that the officer of
     * a ward formed partly from another's territory can see where it came from without opening the other unit.
     */
    async lineage(actor: Actor, id: number): Promise<UnitLineage> {
      const { scope } = await loadInScope(actor, id);
      const summary = summariseLineage(await repo.lineageAround(id), id);
      const ids = new Set<number>([id]);
      for (const l of summary.chain) ids.add(l.fromUnitId).add(l.toUnitId);
      const units = new Map(
        (await repo.currentSummaries([...ids])).map((r) => [
          Number(r.id),
          { ...toSummary(r), inScope: !scope || scope.has(Number(r.id)) },
        ]),
      );
      const link = (unitId: number, l: { mergeType: 'full' | 'partial'; effectiveDate: string }) => ({
        unit: units.get(unitId)!,
        mergeType: l.mergeType,
        effectiveDate: l.effectiveDate,
      });
      return {
        predecessors: summary.predecessors
          .map((l) => link(l.fromUnitId, l))
          .sort((a, b) => byName(a.unit, b.unit)),
        successors: summary.successors.map((l) => link(l.toUnitId, l)).sort((a, b) => byName(a.unit, b.unit)),
        chain: {
          units: [...units.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || byName(a, b)),
          links: summary.chain.map(({ fromUnitId, toUnitId, mergeType, effectiveDate }) => ({
            fromUnitId,
            toUnitId,
            mergeType,
            effectiveDate,
          })),
        },
      };
    },

    async descendants(actor: Actor, id: number, query: { asOf?: string; level?: AdminLevel }) {
      const asOf = query.asOf ?? today();
      await loadInScope(actor, id);
      const rows = await repo.descendantsOn(id, asOf, query.level);
      rows.sort((a, b) => a.depth - b.depth || levelRank(a.level) - levelRank(b.level) || byName(a, b));
      return { asOf, items: rows.map((r) => toSummary(r)) };
    },

    /**
     * Diacritic-insensitive search over current and past names, within the actor's scope. With `asOf` only names in
     * force that day count and units are shown as they were then; without it every name ever used counts, units are
     * shown in their latest state, and `matchedName` tells which former name matched ("Phường Thái Hòa" until 2025).
     */
    async search(actor: Actor, query: { q: string; asOf?: string; level?: AdminLevel; limit: number }) {
      const folded = foldSearchText(query.q);
      if (folded === '') return { items: [] };
      const scope = await scopeUnitIds(handle, actor);
      const matches = await repo.searchNames(folded, {
        date: query.asOf,
        level: query.level,
        scope,
        max: SEARCH_CANDIDATES,
      });
      const namesByUnit = new Map<number, string[]>();
      for (const m of matches) pushTo(namesByUnit, Number(m.unitId), m.name);
      const ids = [...namesByUnit.keys()];
      const rows = query.asOf ? await repo.summariesOn(ids, query.asOf) : await repo.currentSummaries(ids);
      const ranked = rows.map((row) => {
        const summary = toSummary(row);
        const names = namesByUnit.get(summary.id) ?? [];
        const currentMatches = foldVietnamese(summary.name).includes(folded);
        const matchedName = currentMatches ? summary.name : names[0];
        const rank = searchMatchRank(matchedName ?? summary.name, summary.level, folded);
        return { summary: currentMatches ? summary : { ...summary, matchedName }, rank };
      });
      ranked.sort(
        (a, b) =>
          a.rank - b.rank ||
          levelRank(a.summary.level) - levelRank(b.summary.level) ||
          byName(a.summary, b.summary) ||
          a.summary.validFrom.localeCompare(b.summary.validFrom),
      );
      return { items: ranked.slice(0, query.limit).map((r) => r.summary) };
    },
  };
}

export type AdminUnitsService = ReturnType<typeof adminUnitsService>;
