import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureDeps } from '../index.js';
import { AuditListSchema, AuditQuerySchema } from './audit.schemas.js';
import { listAudit } from './audit.service.js';

/** GET /audit: the audit log, newest first, for city admins. */
export function auditRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Audit log entries, newest first, with before/after as JSON',
          querystring: AuditQuerySchema,
          response: { 200: AuditListSchema },
        },
      },
      async (request) => listAudit(deps.db, request.actor, request.query),
    );
  };
}
