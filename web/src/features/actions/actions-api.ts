import { api, buildUrl } from '../../api/client';
import type { ActionList } from '../../../../server/features/action-lists/action-lists.service';
import type { HamletForecast } from '../../../../server/features/action-lists/forecast.service';

/*
 * Calls of the action-list pages (issue 5 §4). The reply types are the server's own (type-only imports, nothing
 * of the server reaches the bundle).
 */

export type {
  ActionList,
  ActionListCriterion,
  ActionListPart,
} from '../../../../server/features/action-lists/action-lists.service';
export type { HamletForecast } from '../../../../server/features/action-lists/forecast.service';
export type { ActionRow, StreetGroup } from '../../../../domain/action-lists/action-lists';
export type { CriterionForecast, Forecast } from '../../../../domain/forecast/forecast';

export const actionKeys = {
  list: (hamletId: number, criterionCode?: string) =>
    ['action-list', hamletId, criterionCode ?? null] as const,
  forecast: (hamletId: number) => ['forecast', hamletId] as const,
};

export function fetchActionList(hamletId: number, criterionCode?: string): Promise<ActionList> {
  return api.get<ActionList>(`/api/hamlets/${hamletId}/action-list`, { criterionCode });
}

export function fetchForecast(hamletId: number): Promise<HamletForecast> {
  return api.get<HamletForecast>(`/api/hamlets/${hamletId}/forecast`);
}

/** The Excel download is a plain link: the browser keeps the session cookie and saves the file itself. */
export function actionListXlsxUrl(hamletId: number, criterionCode?: string): string {
  return buildUrl(`/api/hamlets/${hamletId}/action-list.xlsx`, { criterionCode });
}
