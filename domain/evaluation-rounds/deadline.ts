import { isoDateInVietnam } from '../admin-units/dates.js';

/**
 * A round's deadline is a calendar day: submissions are accepted until 23:59:59 of that day in Vietnam (UTC+7),
 * so 2025-09-30 closes at 2025-09-30T16:59:59.999Z.
 */
export function isPastDeadline(deadline: string, now: Date): boolean {
  return isoDateInVietnam(now) > deadline;
}

/** The last instant submissions are accepted, as an ISO timestamp. */
export function deadlineInstant(deadline: string): string {
  return new Date(Date.parse(`${deadline}T23:59:59.999+07:00`)).toISOString();
}
