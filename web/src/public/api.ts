import type {
  PublicCity,
  PublicUnit,
} from '../../../server/features/public-scorecards/public-scorecards.schemas';

export type { PublicCity, PublicUnit };
export type PublicCriterion = PublicUnit['criteria'][number];
export type PublicCount = NonNullable<PublicCriterion['numerator']>;

export class PublicApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new PublicApiError(response.status);
  return (await response.json()) as T;
}

export const fetchCity = () => getJson<PublicCity>('/api/public/city');
export const fetchUnit = (id: number) => getJson<PublicUnit>(`/api/public/units/${id}`);

/** Whether someone is logged in on this browser, to offer "open the app" instead of "log in". */
export async function isLoggedIn(): Promise<boolean> {
  try {
    return (await fetch('/api/auth/me')).ok;
  } catch {
    return false;
  }
}
