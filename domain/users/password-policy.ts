/**
 * Shortest password accepted for an account. Length beats composition rules for memorised secrets
 * (NIST SP 800-63B §3.1.1.2), so there is no "one digit, one symbol" rule.
 */
export const MIN_PASSWORD_LENGTH = 10;

/** Longest password accepted: a bound on hashing work per request, far above any memorised secret. */
export const MAX_PASSWORD_LENGTH = 256;

/** True when a new password is long enough; length is counted in Unicode code points, so "mật khẩu" counts 8. */
export function isStrongPassword(password: string): boolean {
  return [...password].length >= MIN_PASSWORD_LENGTH;
}
