import { z } from 'zod';

/*
 * Per-IP limit on the login and password routes, on top of the per-account lockout: the lockout stops guessing one
 * account's password, this stops one address trying many accounts. Read from the environment here because
 * server/env.ts belongs to the app shell; tests lower it with AUTH_RATE_LIMIT_MAX.
 */
const LoginRateLimitSchema = z.object({
  AUTH_RATE_LIMIT_MAX: z.coerce.number().int().positive().default(20),
  AUTH_RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
});

export interface LoginRateLimit {
  max: number;
  timeWindow: number;
}

export function readLoginRateLimit(source: Record<string, string | undefined> = process.env): LoginRateLimit {
  const parsed = LoginRateLimitSchema.parse(source);
  return { max: parsed.AUTH_RATE_LIMIT_MAX, timeWindow: parsed.AUTH_RATE_LIMIT_WINDOW_MS };
}
