import { api, apiRequest } from '../../api/client';
import type { AnyCriterionStatus } from '../../ui/status-colors';
import type { GapUnit } from '../../../../domain/criteria/results';
import type { GroupCode } from '../../../../domain/criteria/schema';
import type { Catalogue, CatalogueCriterion } from '../../../../domain/dashboards/catalogue';
import type { PartialSource } from '../../../../domain/dashboards/reaggregate';
import type { TrendPoint } from '../../../../domain/dashboards/trend';

export type { Catalogue, CatalogueCriterion, GapUnit, GroupCode, PartialSource };

/* Typed calls for the dashboards (server/features/dashboards) and the pilot API (server/features/assessments). */

export interface Localized {
  vi: string;
  en: string;
}

export interface CriteriaSetRef {
  id: number;
  code: string;
  version: number;
  name: Localized | string;
}

/** A criterion over several hamlets: value of the summed counters (ratios) and hamlets meeting it. */
export interface AggregateCriterion {
  code: string;
  hamlets: number;
  hamletsMet: number;
  hamletsNotMet: number;
  hamletsNotAssessable: number;
  percent: number | null;
  status: AnyCriterionStatus | null;
  gap: number | null;
  gapUnit: GapUnit | null;
}

export interface HamletRow {
  id: number;
  name: string;
  isPilot: boolean;
  meetsStandard: boolean;
  met: number;
  applicable: number;
  notAssessable: number;
  criteria: Array<{
    code: string;
    status: AnyCriterionStatus;
    percent: number | null;
    gap: number | null;
    gapUnit: GapUnit | null;
  }>;
}

export interface WardRow {
  id: number;
  name: string;
  type: string;
  hamlets: number;
  hamletsMeetingStandard: number;
  pilots: HamletRow[];
  best: HamletRow | null;
  fullSources: Array<{ unitId: number; name: string }>;
  partialSources: PartialSource[];
  criteria: AggregateCriterion[];
}

/** Where a dashboard's figures come from on a past date: stored snapshots, live computation, or both. */
export interface ScoresSource {
  snapshots: number;
  snapshotDates: [string, string] | null;
  live: number;
}

/** What the city's and a ward's dashboards both open with. */
interface DashboardHead {
  date: string;
  today: string;
  criteriaSet: CriteriaSetRef;
  catalogue: Catalogue;
  reorganised: boolean;
  source: ScoresSource;
}

export interface CityDashboard extends DashboardHead {
  goal: { wardsWithStandardHamlet: number; wards: number; wardsWithStandardOnlyInPartialSources: number };
  hamlets: number;
  hamletsMeetingStandard: number;
  criteria: AggregateCriterion[];
  wards: WardRow[];
  hamletStandard: Record<string, boolean>;
}

export interface WardDashboard extends DashboardHead {
  pilotLimit: number;
  canMarkPilots: boolean;
  ward: WardRow & { hamletRows: HamletRow[] };
}

export interface CriterionResult {
  code: string;
  group: GroupCode;
  kind: CatalogueCriterion['kind'];
  hidden: boolean;
  status: AnyCriterionStatus;
  value:
    { numerator: number; denominator: number } | { count: number } | { fact: boolean | number | null } | null;
  percent: number | null;
  unknown: number;
  gap: number | null;
  gapUnit: GapUnit | null;
  reason?: 'zero_denominator' | 'unknown_answers' | 'missing_fact' | 'missing_evidence';
  parts?: string[];
  evidence?: string | null;
}

export interface HamletScorecard {
  date: string;
  unit: { id: number; name: string; parentName: string | null };
  criteriaSet: CriteriaSetRef;
  catalogue: Catalogue;
  isPilot: boolean;
  /** Set when a past date shows the snapshot stored on this date rather than a live computation. */
  snapshotDate: string | null;
  result: {
    criteria: CriterionResult[];
    groups: Array<{
      code: GroupCode;
      met: number;
      applicable: number;
      notMet: number;
      notAssessable: number;
    }>;
    overall: { met: number; applicable: number; notAssessable: number; meetsStandard: boolean };
  };
}

export interface Trend {
  unit: { id: number; name: string; level: string };
  hamlets: number;
  catalogue: Catalogue | null;
  points: TrendPoint[];
}

export interface MapData {
  hamlets: Array<{ id: number; name: string; wardId: number; wardName: string; lat: number; lng: number }>;
  unplaced: Array<{ id: number; name: string; wardId: number; wardName: string }>;
  wifiPoints: Array<{
    uid: string;
    hamletId: number;
    name: string;
    lat: number;
    lng: number;
    isWorking: boolean | null;
  }>;
}

export const dashboardKeys = {
  city: (date: string) => ['dashboards', 'city', date] as const,
  ward: (id: number, date: string) => ['dashboards', 'ward', id, date] as const,
  hamlet: (id: number, date: string) => ['dashboards', 'hamlet', id, date] as const,
  trend: (unitId: number) => ['dashboards', 'trend', unitId] as const,
  cityTrend: ['dashboards', 'trend', 'city'] as const,
  map: (unitId: number | null) => ['dashboards', 'map', unitId] as const,
  /** The prefixes of the dashboards that show pilots (city, ward, hamlet); the trend and the map do not. */
  withPilots: [
    ['dashboards', 'city'],
    ['dashboards', 'ward'],
    ['dashboards', 'hamlet'],
  ] as const,
};

export const fetchCityDashboard = (date: string) => api.get<CityDashboard>('/api/dashboards/city', { date });
export const fetchWardDashboard = (id: number, date: string) =>
  api.get<WardDashboard>(`/api/dashboards/wards/${id}`, { date });
export const fetchHamletScorecard = (id: number, date: string) =>
  api.get<HamletScorecard>(`/api/dashboards/hamlets/${id}`, { date });
export const fetchTrend = (unitId: number) => api.get<Trend>(`/api/units/${unitId}/trend`);
export const fetchCityTrend = () => api.get<Trend>('/api/dashboards/city/trend');
export const fetchMap = (unitId: number | null) =>
  api.get<MapData>('/api/dashboards/map', { unitId: unitId ?? undefined });
export const markPilot = (wardId: number, hamletId: number) =>
  api.post<unknown>(`/api/units/${wardId}/pilots`, { hamletId });
export const unmarkPilot = (wardId: number, hamletId: number) =>
  apiRequest<unknown>(`/api/units/${wardId}/pilots/${hamletId}`, { method: 'DELETE' });

/** The criterion's name in the reader's language. */
export function criterionName(catalogue: Catalogue | null, code: string, language: string): string {
  const found = catalogue?.criteria.find((c) => c.code === code);
  if (!found) return code;
  return language === 'en' ? found.name.en : found.name.vi;
}

export function setName(set: CriteriaSetRef, language: string): string {
  if (typeof set.name === 'string') return set.name;
  return language === 'en' ? set.name.en : set.name.vi;
}
