import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureDeps } from '../index.js';
import { OutreachSessionInputSchema } from '../../../domain/surveys/teams.js';
import {
  HamletParamsSchema,
  LangQuerySchema,
  OutreachSessionListSchema,
  OutreachSessionSchema,
} from './outreach-sessions.schemas.js';
import { createSession, listSessions } from './outreach-sessions.service.js';
import { requestContext } from '../../http/request-context.js';

/**
 * Outreach, training and support-day sessions of a hamlet (/hamlets/:id/outreach-sessions). Reads are scoped;
 * recording one is for city admins, commune officers and hamlet heads. They feed AWR-1 and SKL-4.
 */
export function outreachSessionsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const context = (request: FastifyRequest) => requestContext(request, deps.now);
    const tags = ['outreach-sessions'];

    app.get(
      '/hamlets/:id/outreach-sessions',
      {
        schema: {
          tags,
          summary: 'Outreach, training and support-day sessions that served the hamlet, latest first',
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: OutreachSessionListSchema },
        },
      },
      async (request) => listSessions(deps.db, context(request), request.params.id),
    );

    app.post(
      '/hamlets/:id/outreach-sessions',
      {
        schema: {
          tags,
          summary:
            'Record a session; households reached are marked reachedByOutreach (AWR-1), training attendees feed SKL-4',
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          body: OutreachSessionInputSchema,
          response: { 201: OutreachSessionSchema },
        },
      },
      async (request, reply) => {
        const created = await createSession(deps.db, context(request), request.params.id, request.body);
        return reply.status(201).send(created);
      },
    );
  };
}
