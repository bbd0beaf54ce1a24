import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { IsoDateSchema } from './assessments.schemas.js';
import { assessmentHistory, getAssessment, recordAssessment } from './assessments.service.js';
import { listWardPilots, markPilot, setPilotLimit, unmarkPilot, pilotLimit } from './pilots.service.js';
import { cityTable, scorecardView } from './unit-tables.service.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
import { lang } from '../../http/route-schemas.js';

const Id = RowIdParam;
const UnitParams = z.strictObject({ id: Id });
const ScoreQuery = z.strictObject({ date: IsoDateSchema.optional(), criteriaSetId: Id.optional(), lang });

/** Scorecards, ward and city tables, stored assessment snapshots, and pilot hamlets. */
export function assessmentsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['assessments'];
    const ctx = (request: { actor: FeatureDepsActor }) => ({ actor: request.actor, now: deps.now() });

    app.get(
      '/units/:id/scorecard',
      {
        schema: {
          tags,
          summary: "A hamlet's scorecard, or a ward's/city's roll-up with a row per hamlet (live)",
          params: UnitParams,
          querystring: ScoreQuery,
        },
      },
      async (request) =>
        scorecardView(
          deps.db,
          ctx(request),
          request.params.id,
          request.query.date,
          request.query.criteriaSetId,
        ),
    );
    app.get(
      '/city-table',
      {
        schema: {
          tags,
          summary:
            'Table of wards with the goal counter: wards with at least one hamlet meeting the standard',
          querystring: z.strictObject({
            date: IsoDateSchema.optional(),
            rootId: Id.optional(),
            criteriaSetId: Id.optional(),
            lang,
          }),
        },
      },
      async (request) =>
        cityTable(
          deps.db,
          ctx(request),
          request.query.date,
          request.query.rootId,
          request.query.criteriaSetId,
        ),
    );

    app.post(
      '/assessments',
      {
        schema: {
          tags,
          summary: 'Compute and store a snapshot (idempotent)',
          body: z.strictObject({ unitId: Id, date: IsoDateSchema, criteriaSetId: Id.optional() }),
          querystring: z.strictObject({ lang }),
        },
      },
      async (request, reply) => {
        const { created, snapshot } = await recordAssessment(deps.db, ctx(request), request.body);
        return reply.status(created ? 201 : 200).send({ created, assessment: snapshot });
      },
    );
    app.get(
      '/assessments',
      {
        schema: {
          tags,
          summary: 'Latest snapshot and history of a unit',
          querystring: z.strictObject({ unitId: Id, lang }),
        },
      },
      async (request) => {
        const history = await assessmentHistory(deps.db, ctx(request), request.query.unitId);
        const latest = history[0] ? await getAssessment(deps.db, ctx(request), history[0].id) : null;
        return { latest, history };
      },
    );
    app.get(
      '/assessments/:id',
      { schema: { tags, params: UnitParams, querystring: z.strictObject({ lang }) } },
      async (request) => ({
        assessment: await getAssessment(deps.db, ctx(request), request.params.id),
      }),
    );

    const PilotParams = z.strictObject({ id: Id, hamletId: Id });
    app.get(
      '/units/:id/pilots',
      {
        schema: {
          tags,
          summary: "A ward's pilot hamlets",
          params: UnitParams,
          querystring: z.strictObject({ lang }),
        },
      },
      async (request) => listWardPilots(deps.db, ctx(request), request.params.id),
    );
    app.post(
      '/units/:id/pilots',
      {
        schema: {
          tags,
          summary: 'Mark a pilot hamlet (at most the pilot limit per ward)',
          params: UnitParams,
          body: z.strictObject({ hamletId: Id }),
          querystring: z.strictObject({ lang }),
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await markPilot(deps.db, ctx(request), request.params.id, request.body.hamletId)),
    );
    app.delete(
      '/units/:id/pilots/:hamletId',
      { schema: { tags, params: PilotParams, querystring: z.strictObject({ lang }) } },
      async (request) => unmarkPilot(deps.db, ctx(request), request.params.id, request.params.hamletId),
    );
    app.get(
      '/settings/pilot-limit',
      { schema: { tags, querystring: z.strictObject({ lang }) } },
      async () => ({ value: await pilotLimit(deps.db, deps.now()) }),
    );
    app.put(
      '/settings/pilot-limit',
      {
        schema: {
          tags,
          body: z.strictObject({ value: z.number().int().min(1).max(20) }),
          querystring: z.strictObject({ lang }),
        },
      },
      async (request) => ({
        value: await setPilotLimit(deps.db, ctx(request), request.body.value),
      }),
    );
  };
}

type FeatureDepsActor = import('../../policies/actor.js').Actor | null;
