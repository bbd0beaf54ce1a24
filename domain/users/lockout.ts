/** Consecutive failed logins after which an account is locked (decision: auth brief, item 2). */
export const MAX_FAILED_LOGINS = 5;

/** How long a lock lasts, in minutes. */
export const LOCKOUT_MINUTES = 15;

const MINUTE_MS = 60_000;

/**
 * Whole minutes, rounded up, until a lock ends; 0 when the account is not locked at `now`.
 * `lockedUntil` is an ISO timestamp or null.
 */
export function lockMinutesRemaining(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  const remainingMs = Date.parse(lockedUntil) - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / MINUTE_MS) : 0;
}

/** True when this count of consecutive failures (after the latest one) must lock the account. */
export function isLockoutReached(failedAttempts: number): boolean {
  return failedAttempts >= MAX_FAILED_LOGINS;
}

/** The ISO timestamp a lock that starts at `now` ends at. */
export function lockEndsAt(now: Date): string {
  return new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE_MS).toISOString();
}
