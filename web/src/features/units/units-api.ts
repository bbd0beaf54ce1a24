import { api } from '../../api/client';
import type { ChangeUnitTypeInput, RenameUnitInput } from '../../../../domain/admin-units/schemas';
import type { UnitDetail, UnitLineage, UnitSummary } from '../../api/types';

export const unitKeys = {
  all: ['units'] as const,
  tree: (asOf: string, parentId: number | null) => ['units', 'tree', asOf, parentId] as const,
  detail: (id: number, asOf: string) => ['units', 'detail', id, asOf] as const,
  lineage: (id: number) => ['units', 'lineage', id] as const,
  search: (q: string, asOf: string | null) => ['units', 'search', q, asOf] as const,
};

export function fetchTree(
  asOf: string,
  parentId: number | null,
): Promise<{ asOf: string; items: UnitSummary[] }> {
  return api.get('/api/units/tree', { asOf, parentId });
}

export function fetchUnit(id: number, asOf: string): Promise<UnitDetail> {
  return api.get(`/api/units/${id}`, { asOf });
}

export function fetchLineage(id: number): Promise<UnitLineage> {
  return api.get(`/api/units/${id}/lineage`);
}

/** Without asOf the server searches every period, so dissolved units (before 07/2025) are found too. */
export function searchUnits(q: string, asOf: string | null, limit = 30): Promise<{ items: UnitSummary[] }> {
  return api.get('/api/units/search', { q, asOf, limit });
}

export function renameUnit(id: number, body: RenameUnitInput): Promise<unknown> {
  return api.post(`/api/units/${id}/rename`, body);
}

export function changeUnitType(id: number, body: ChangeUnitTypeInput): Promise<unknown> {
  return api.post(`/api/units/${id}/change-type`, body);
}
