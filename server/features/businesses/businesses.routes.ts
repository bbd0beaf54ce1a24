import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { BusinessInputSchema, BusinessPatchSchema } from '../../../domain/surveys/businesses.js';
import {
  BusinessListSchema,
  BusinessSchema,
  DeleteQuerySchema,
  HamletParamsSchema,
  LangQuerySchema,
  UidParamsSchema,
} from './businesses.schemas.js';
import { createBusiness, deleteBusiness, listBusinesses, updateBusiness } from './businesses.service.js';
import { requestContext } from '../../http/request-context.js';

/**
 * Shops, household businesses, farms and cooperatives (/hamlets/:id/businesses, /businesses/:uid), versioned like
 * every survey record. Reads are scoped; writes are for city admins, commune officers and hamlet heads.
 */
export function businessesRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const context = (request: FastifyRequest) => requestContext(request, deps.now);
    const tags = ['businesses'];

    app.get(
      '/hamlets/:id/businesses',
      {
        schema: {
          tags,
          summary: "A hamlet's current businesses",
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: BusinessListSchema },
        },
      },
      async (request) => listBusinesses(deps.db, context(request), request.params.id),
    );

    app.post(
      '/hamlets/:id/businesses',
      {
        schema: {
          tags,
          summary: 'Record a business of a hamlet',
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          body: BusinessInputSchema,
          response: { 201: BusinessSchema },
        },
      },
      async (request, reply) => {
        const created = await createBusiness(deps.db, context(request), request.params.id, request.body);
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/businesses/:uid',
      {
        schema: {
          tags,
          summary: 'Change a business; the old version is kept',
          params: UidParamsSchema,
          querystring: LangQuerySchema,
          body: BusinessPatchSchema,
          response: { 200: BusinessSchema },
        },
      },
      async (request) => updateBusiness(deps.db, context(request), request.params.uid, request.body),
    );

    app.delete(
      '/businesses/:uid',
      {
        schema: {
          tags,
          summary: 'Remove a business (its current version is closed; history stays)',
          params: UidParamsSchema,
          querystring: DeleteQuerySchema,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await deleteBusiness(deps.db, context(request), request.params.uid, request.query.note);
        return reply.status(204).send();
      },
    );
  };
}
