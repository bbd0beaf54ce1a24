import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import type { Actor } from '../../policies/actor.js';
import { IsoDateSchema } from '../assessments/assessments.schemas.js';
import { cityDashboard, hamletDashboard, wardDashboard } from './dashboards.service.js';
import { cityTrend, dashboardMap, unitTrend } from './trend-and-map.service.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
import { IdParamsSchema, lang } from '../../http/route-schemas.js';

const Id = RowIdParam;
const DateQuery = z.strictObject({ date: IsoDateSchema.optional(), criteriaSetId: Id.optional(), lang });

/** The city and ward dashboards, the hamlet scorecard page's data, progress from snapshots and the map. */
export function dashboardsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['dashboards'];
    const ctx = (request: { actor: Actor | null }) => ({ actor: request.actor, now: deps.now() });

    app.get(
      '/dashboards/city',
      {
        schema: {
          tags,
          summary: "Goal counter, wards table and city-wide criteria on a date (today's wards, via lineage)",
          querystring: DateQuery,
        },
      },
      async (request) => cityDashboard(deps.db, ctx(request), request.query),
    );
    app.get(
      '/dashboards/city/trend',
      {
        schema: {
          tags,
          summary: "Progress over time from stored snapshots of every hamlet of today's wards in scope",
          querystring: z.strictObject({ criteriaSetId: Id.optional(), lang }),
        },
      },
      async (request) => cityTrend(deps.db, ctx(request), request.query.criteriaSetId),
    );
    app.get(
      '/dashboards/wards/:id',
      {
        schema: {
          tags,
          summary: "A ward's hamlets criterion by criterion, its pilots and the pilot limit",
          params: IdParamsSchema,
          querystring: DateQuery,
        },
      },
      async (request) => wardDashboard(deps.db, ctx(request), request.params.id, request.query),
    );
    app.get(
      '/dashboards/hamlets/:id',
      {
        schema: {
          tags,
          summary: "A hamlet's scorecard with criteria names and targets",
          params: IdParamsSchema,
          querystring: DateQuery,
        },
      },
      async (request) => hamletDashboard(deps.db, ctx(request), request.params.id, request.query),
    );
    app.get(
      '/dashboards/map',
      {
        schema: {
          tags,
          summary:
            "Today's hamlets (centroid of their wifi points) and wifi points, city-wide or for one ward",
          querystring: z.strictObject({ unitId: Id.optional(), lang }),
        },
      },
      async (request) => dashboardMap(deps.db, ctx(request), request.query.unitId),
    );
    app.get(
      '/units/:id/trend',
      {
        schema: {
          tags,
          summary: 'Progress over time from stored snapshots of the hamlets below a unit',
          params: IdParamsSchema,
          querystring: z.strictObject({ criteriaSetId: Id.optional(), lang }),
        },
      },
      async (request) => unitTrend(deps.db, ctx(request), request.params.id, request.query.criteriaSetId),
    );
  };
}
