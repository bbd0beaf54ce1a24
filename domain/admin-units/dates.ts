/*
 * Date arithmetic on ISO calendar dates ('yyyy-MM-dd'). Validity dates are calendar days in Vietnam, so they are
 * handled as UTC midnights and never go through the local time zone of the machine.
 */

const DAY_MS = 86_400_000;
/** Vietnam is UTC+7 all year (no daylight saving). */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** True when `text` is a real calendar date written yyyy-MM-dd (so 2025-02-30 is false). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The ISO date `days` calendar days after `isoDate` (negative goes back): addDays('2025-07-01', -1) = '2025-06-30'. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in Vietnam at the instant `now`: 2026-11-27T18:00Z is already 28/11 in Hà Nội. */
export function isoDateInVietnam(now: Date): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A span of calendar days; `validTo` null means "still valid". Both ends are inclusive. */
export interface DateSpan {
  validFrom: string;
  validTo: string | null;
}

/** True when `isoDate` falls within the span, both ends included. ISO dates compare correctly as strings. */
export function isValidOn(span: DateSpan, isoDate: string): boolean {
  return span.validFrom <= isoDate && (span.validTo === null || span.validTo >= isoDate);
}

/** True when `inner` lies entirely within `outer` (an open end of `outer` contains any end of `inner`). */
export function isSpanWithin(inner: DateSpan, outer: DateSpan): boolean {
  if (inner.validFrom < outer.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}
