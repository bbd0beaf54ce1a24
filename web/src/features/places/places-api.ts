import { api, apiRequest } from '../../api/client';

/*
 * Businesses (products, OCOP) and free wifi points of a hamlet (issue 4 §5). Wifi points use the surveys API
 * (server/features/surveys); businesses the contract of issue 4 (/hamlets/:id/businesses, /businesses/:uid).
 */

export const BUSINESS_KINDS = ['shop', 'household_business', 'farm', 'cooperative', 'other'] as const;
export type BusinessKind = (typeof BUSINESS_KINDS)[number];
export type TriState = boolean | null;

export interface BusinessInput {
  name: string;
  kind: BusinessKind;
  acceptsCashless: TriState;
  ecommerceEligible: TriState;
  listedOnline: TriState;
  platforms: string[];
  ocopStars: number | null;
  traceability: TriState;
  isFarmProduct: boolean;
}

export interface Business extends BusinessInput {
  uid: string;
  abilities: { canEdit: boolean };
}

export interface WifiPointInput {
  name: string;
  lat: number;
  lng: number;
  isWorking: TriState;
  provider: string | null;
}

export interface WifiPoint extends WifiPointInput {
  uid: string;
  abilities: { canEdit: boolean };
}

export interface ListReply<T> {
  items: T[];
  abilities: { canEdit?: boolean; canCreate?: boolean };
}

export const placeKeys = {
  businesses: (hamletId: number) => ['hamlets', hamletId, 'businesses'] as const,
  wifi: (hamletId: number) => ['hamlets', hamletId, 'wifi-points'] as const,
  config: ['config'] as const,
};

/** Used when the server publishes no tile URL; unreachable offline, which the map tolerates (markers still show). */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * The map tile URL setting. GET /api/config is optional: any failure (absent route, offline) means the default.
 */
export async function fetchTileUrl(): Promise<string> {
  try {
    const config = await api.get<{ mapTileUrl?: string; tileUrl?: string }>('/api/config');
    return config.mapTileUrl ?? config.tileUrl ?? DEFAULT_TILE_URL;
  } catch {
    return DEFAULT_TILE_URL;
  }
}

export function fetchBusinesses(hamletId: number): Promise<ListReply<Business>> {
  return api.get(`/api/hamlets/${hamletId}/businesses`);
}

export function createBusiness(hamletId: number, body: BusinessInput) {
  return api.post<Business>(`/api/hamlets/${hamletId}/businesses`, body);
}

export function updateBusiness(uid: string, body: Partial<BusinessInput>) {
  return api.patch<Business>(`/api/businesses/${encodeURIComponent(uid)}`, body);
}

export function deleteBusiness(uid: string) {
  return apiRequest<void>(`/api/businesses/${encodeURIComponent(uid)}`, { method: 'DELETE' });
}

export function fetchWifiPoints(hamletId: number): Promise<ListReply<WifiPoint>> {
  return api.get(`/api/hamlets/${hamletId}/wifi-points`);
}

export function createWifiPoint(hamletId: number, body: WifiPointInput) {
  return api.post<WifiPoint>(`/api/hamlets/${hamletId}/wifi-points`, body);
}

export function updateWifiPoint(uid: string, body: Partial<WifiPointInput>) {
  return api.patch<WifiPoint>(`/api/wifi-points/${encodeURIComponent(uid)}`, body);
}

export function deleteWifiPoint(uid: string) {
  return apiRequest<void>(`/api/wifi-points/${encodeURIComponent(uid)}`, { method: 'DELETE' });
}
