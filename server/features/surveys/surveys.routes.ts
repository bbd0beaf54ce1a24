import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { listFactHistory, listFacts, setFact } from './hamlet-facts.service.js';
import {
  AsOfQuerySchema,
  DeleteQuerySchema,
  FactHistorySchema,
  FactInputSchema,
  FactListSchema,
  FactParamsSchema,
  FactSchema,
  HamletParamsSchema,
  LangQuerySchema,
  UidParamsSchema,
  WifiPointHistorySchema,
  WifiPointInputSchema,
  WifiPointListSchema,
  WifiPointPatchSchema,
  WifiPointSchema,
} from './surveys.schemas.js';
import {
  createWifiPoint,
  deleteWifiPoint,
  listWifiPointHistory,
  listWifiPoints,
  updateWifiPoint,
} from './wifi-points.service.js';
import { requestContext } from '../../http/request-context.js';

/**
 * Hamlet facts (GET/PUT /hamlets/:id/facts…) and wifi points (/hamlets/:id/wifi-points, /wifi-points/:uid).
 * Every operation is scoped to the actor's units; writes are for city admins, commune officers and hamlet heads.
 */
export function surveysRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const context = (request: FastifyRequest) => requestContext(request, deps.now);
    const tags = ['surveys'];

    app.get(
      '/hamlets/:id/facts',
      {
        schema: {
          tags,
          summary:
            "A hamlet's facts (digital team, office, polls, feedback…), now or as of a past day or instant",
          params: HamletParamsSchema,
          querystring: AsOfQuerySchema,
          response: { 200: FactListSchema },
        },
      },
      async (request) => listFacts(deps.db, context(request), request.params.id, request.query.asOf),
    );

    app.put(
      '/hamlets/:id/facts/:key',
      {
        schema: {
          tags,
          summary:
            'Set a hamlet fact to exactly these values (left-out fields become unknown); the old version is kept',
          params: FactParamsSchema,
          querystring: LangQuerySchema,
          body: FactInputSchema,
          response: { 200: FactSchema },
        },
      },
      async (request) =>
        setFact(deps.db, context(request), request.params.id, request.params.key, request.body),
    );

    app.get(
      '/hamlets/:id/facts/:key/history',
      {
        schema: {
          tags,
          summary: 'Every version of one hamlet fact, oldest first',
          params: FactParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: FactHistorySchema },
        },
      },
      async (request) => listFactHistory(deps.db, context(request), request.params.id, request.params.key),
    );

    app.get(
      '/hamlets/:id/wifi-points',
      {
        schema: {
          tags,
          summary: "A hamlet's free wifi points, now or as of a past day or instant",
          params: HamletParamsSchema,
          querystring: AsOfQuerySchema,
          response: { 200: WifiPointListSchema },
        },
      },
      async (request) => listWifiPoints(deps.db, context(request), request.params.id, request.query.asOf),
    );

    app.post(
      '/hamlets/:id/wifi-points',
      {
        schema: {
          tags,
          summary: 'Record a free wifi point in a hamlet',
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          body: WifiPointInputSchema,
          response: { 201: WifiPointSchema },
        },
      },
      async (request, reply) => {
        const created = await createWifiPoint(deps.db, context(request), request.params.id, request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/wifi-points/:uid/history',
      {
        schema: {
          tags,
          summary: 'Every version of one wifi point, oldest first',
          params: UidParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: WifiPointHistorySchema },
        },
      },
      async (request) => listWifiPointHistory(deps.db, context(request), request.params.uid),
    );

    app.patch(
      '/wifi-points/:uid',
      {
        schema: {
          tags,
          summary: 'Change a wifi point; the old version is kept',
          params: UidParamsSchema,
          querystring: LangQuerySchema,
          body: WifiPointPatchSchema,
          response: { 200: WifiPointSchema },
        },
      },
      async (request) => updateWifiPoint(deps.db, context(request), request.params.uid, request.body),
    );

    app.delete(
      '/wifi-points/:uid',
      {
        schema: {
          tags,
          summary: 'Remove a wifi point (its history stays for "as of" reads)',
          params: UidParamsSchema,
          querystring: DeleteQuerySchema,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await deleteWifiPoint(deps.db, context(request), request.params.uid, request.query.note);
        return reply.status(204).send();
      },
    );
  };
}
