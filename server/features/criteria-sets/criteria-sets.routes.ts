import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { createSet, getSet, listSets, publishSet, updateSet } from './criteria-sets.service.js';
import { newVersion, previewSet } from './criteria-set-versions.service.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
import { IdParamsSchema as IdParams, lang, LangQuerySchema as LangQuery } from '../../http/route-schemas.js';

// The definition is checked by the domain's validateCriteriaSet, which reports every problem with its path.
const DefinitionBody = z
  .record(z.string(), z.unknown())
  .describe('A criteria set definition (see domain/criteria/schema.ts)');

/** Criteria sets: versioned, validated definitions; drafts are editable by city admins, published ones never. */
export function criteriaSetsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['criteria-sets'];
    app.get(
      '/criteria-sets',
      { schema: { tags, summary: 'All criteria sets, newest first', querystring: LangQuery } },
      async (request) => ({
        items: await listSets(deps.db, request.actor),
      }),
    );
    app.get(
      '/criteria-sets/:id',
      { schema: { tags, params: IdParams, querystring: LangQuery } },
      async (request) => ({
        criteriaSet: await getSet(deps.db, request.actor, request.params.id),
      }),
    );
    app.post(
      '/criteria-sets',
      { schema: { tags, summary: 'Create a draft version', body: DefinitionBody, querystring: LangQuery } },
      async (request, reply) => {
        const criteriaSet = await createSet(deps.db, request.actor, request.body, deps.now());
        return reply.status(201).send({ criteriaSet });
      },
    );
    app.put(
      '/criteria-sets/:id',
      {
        schema: {
          tags,
          summary: 'Replace a draft',
          params: IdParams,
          body: DefinitionBody,
          querystring: LangQuery,
        },
      },
      async (request) => ({
        criteriaSet: await updateSet(deps.db, request.actor, request.params.id, request.body, deps.now()),
      }),
    );
    app.post(
      '/criteria-sets/:id/publish',
      { schema: { tags, params: IdParams, querystring: LangQuery } },
      async (request) => ({
        criteriaSet: await publishSet(deps.db, request.actor, request.params.id, deps.now()),
      }),
    );
    app.post(
      '/criteria-sets/:id/new-version',
      {
        schema: {
          tags,
          summary: 'A draft copy of this version with the next version number (name and date may change)',
          params: IdParams,
          body: z
            .strictObject({
              name: z
                .strictObject({
                  vi: z.string().trim().min(1).max(200),
                  en: z.string().trim().min(1).max(200),
                })
                .optional(),
              effectiveFrom: z.iso.date().optional(),
            })
            // An empty POST arrives as null: a plain copy.
            .nullish(),
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const criteriaSet = await newVersion(
          deps.db,
          request.actor,
          request.params.id,
          request.body ?? {},
          deps.now(),
        );
        return reply.status(201).send({ criteriaSet });
      },
    );
    app.get(
      '/criteria-sets/:id/preview',
      {
        schema: {
          tags,
          summary:
            'Each hamlet under a unit scored by the set in force and by this set, live (nothing stored)',
          params: IdParams,
          querystring: z.strictObject({
            unitId: RowIdParam,
            date: z.iso.date().optional(),
            lang,
          }),
        },
      },
      async (request) =>
        previewSet(deps.db, { actor: request.actor, now: deps.now() }, request.params.id, {
          unitId: request.query.unitId,
          date: request.query.date,
        }),
    );
  };
}
