import { api, apiRequest } from '../../api/client';
import type { CriteriaSetView } from '../../../../server/features/criteria-sets/criteria-sets.service';
import type { Preview } from '../../../../server/features/criteria-sets/criteria-set-versions.service';
import type { CriteriaSetDefinition } from '../../../../domain/criteria/schema';

/* Calls of the criteria-set editor (issue 5 §5); reply types are the server's own (type-only imports). */

export type { CriteriaSetView, Preview };

export const criteriaSetKeys = {
  all: ['criteria-sets'] as const,
  one: (id: number) => ['criteria-sets', id] as const,
  preview: (id: number, unitId: number) => ['criteria-sets', id, 'preview', unitId] as const,
};

/** The preview's ward list, outside the 'criteria-sets' prefix so that saving or publishing a set does not refetch it. */
export const wardListKey = ['units', 'wards'] as const;

export const listCriteriaSets = () =>
  api.get<{ items: CriteriaSetView[] }>('/api/criteria-sets').then((r) => r.items);
export const getCriteriaSet = (id: number) =>
  api.get<{ criteriaSet: CriteriaSetView }>(`/api/criteria-sets/${id}`).then((r) => r.criteriaSet);
export const saveDraft = (id: number, definition: CriteriaSetDefinition) =>
  apiRequest<{ criteriaSet: CriteriaSetView }>(`/api/criteria-sets/${id}`, {
    method: 'PUT',
    body: definition,
  }).then((r) => r.criteriaSet);
export const publishSet = (id: number) =>
  api.post<{ criteriaSet: CriteriaSetView }>(`/api/criteria-sets/${id}/publish`).then((r) => r.criteriaSet);
export const createNewVersion = (id: number) =>
  api
    .post<{ criteriaSet: CriteriaSetView }>(`/api/criteria-sets/${id}/new-version`, {})
    .then((r) => r.criteriaSet);
export const previewSet = (id: number, unitId: number) =>
  api.get<Preview>(`/api/criteria-sets/${id}/preview`, { unitId });

/** Wards and communes the admin sees (for the preview's unit picker). */
export async function listWards(): Promise<Array<{ id: number; name: string }>> {
  const top = await api.get<{
    items: Array<{ id: number; name: string; level: string; validTo: string | null }>;
  }>('/api/units/tree');
  return top.items
    .filter((u) => u.level === 'commune' && u.validTo === null)
    .map((u) => ({ id: u.id, name: u.name }));
}
