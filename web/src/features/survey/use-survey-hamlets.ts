import { useQuery } from '@tanstack/react-query';
import { compareVietnamese } from '../../../../domain/text/fold';
import type { Me, UnitSummary } from '../../api/types';
import { todayIso } from '../../ui/format';
import { fetchTree } from '../units/units-api';

export interface HamletOption {
  id: number;
  name: string;
  parentName: string | null;
}

/** Walks down from a scope unit to today's hamlets (a ward has them as children; a city one level further). */
async function hamletsUnder(unitId: number, asOf: string, depth: number): Promise<UnitSummary[]> {
  const { items } = await fetchTree(asOf, unitId);
  const hamlets = items.filter((u) => u.level === 'hamlet');
  if (depth <= 0) return hamlets;
  const deeper = await Promise.all(
    items.filter((u) => u.level !== 'hamlet').map((u) => hamletsUnder(u.id, asOf, depth - 1)),
  );
  return [...hamlets, ...deeper.flat()];
}

/**
 * The hamlets the user may survey: hamlets in their scope directly (a team member's or hamlet head's), plus
 * the hamlets under a ward or city in their scope (officers). The server checks scope again on every call.
 */
export function useSurveyHamlets(me: Me) {
  return useQuery({
    queryKey: ['survey', 'hamlets', me.id, me.scope.map((u) => u.id).join(',')],
    staleTime: 10 * 60_000,
    queryFn: async (): Promise<HamletOption[]> => {
      const asOf = todayIso();
      const direct: HamletOption[] = me.scope
        .filter((u) => u.level === 'hamlet')
        .map((u) => ({ id: u.id, name: u.name, parentName: null }));
      const above = me.scope.filter((u) => u.level !== 'hamlet');
      const found = await Promise.all(
        above.map((u) => hamletsUnder(u.id, asOf, u.level === 'commune' ? 0 : 2)),
      );
      const byId = new Map<number, HamletOption>(direct.map((h) => [h.id, h]));
      for (const u of found.flat()) byId.set(u.id, { id: u.id, name: u.name, parentName: u.parentName });
      return [...byId.values()].sort((a, b) => compareVietnamese(a.name, b.name));
    },
  });
}
