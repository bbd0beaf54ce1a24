import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';
import { requireActor } from '../../policies/actor.js';
import { ChangePasswordInputSchema, LoginInputSchema, MeSchema } from '../../../domain/users/schemas.js';
import { changePassword, loadMe, login, logout } from './auth.service.js';
import { prepareDummyHash } from './passwords.js';

const MeReplySchema = z.object({ user: MeSchema });

/** POST /auth/login, POST /auth/logout, GET /auth/me, POST /auth/password. */
export function authRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    await prepareDummyHash();
    const rateLimit = { max: deps.env.AUTH_RATE_LIMIT_MAX, timeWindow: deps.env.AUTH_RATE_LIMIT_WINDOW_MS };
    const cookieOptions = {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: '/',
      secure: deps.env.COOKIE_SECURE,
    };

    app.post(
      '/auth/login',
      {
        config: { rateLimit },
        schema: {
          tags: ['auth'],
          summary: 'Log in; sets the session cookie kps_session',
          body: LoginInputSchema,
          response: { 200: MeReplySchema },
        },
      },
      async (request, reply) => {
        const result = await login(deps.db, request.body, {
          now: deps.now(),
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          sessionTtlHours: deps.env.SESSION_TTL_HOURS,
        });
        reply.setCookie(SESSION_COOKIE, result.token, {
          ...cookieOptions,
          maxAge: Math.round(deps.env.SESSION_TTL_HOURS * 3600),
        });
        return { user: result.me };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'Log out: ends the session and clears the cookie',
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await logout(deps.db, request.actor, { now: deps.now(), ip: request.ip });
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/me',
      { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: MeReplySchema } } },
      async (request) => {
        const actor = requireActor(request.actor);
        return { user: await loadMe(deps.db, actor.id) };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { rateLimit },
        schema: {
          tags: ['auth'],
          summary: 'Change one’s own password; ends the user’s other sessions',
          body: ChangePasswordInputSchema,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        await changePassword(deps.db, actor, request.body, { now: deps.now(), ip: request.ip });
        return reply.status(204).send();
      },
    );
  };
}
