/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The instant an "as of" parameter stands for, as an ISO timestamp comparable with valid_from/valid_to.
 * A bare date means the end of that day in Vietnam (so "as of 30/09/2025" includes changes made that evening);
 * a timestamp is taken as given. The text must already be a valid ISO date or timestamp (checked by zod).
 */
export function asOfInstant(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return new Date(Date.parse(`${text}T00:00:00Z`) + DAY_MS - VIETNAM_OFFSET_MS - 1).toISOString();
  }
  return new Date(text).toISOString();
}
