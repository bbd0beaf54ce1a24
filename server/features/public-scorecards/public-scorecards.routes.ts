import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import zlib from 'node:zlib';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { publicScorecards } from './public-scorecards.service.js';
import { PublicCitySchema, PublicUnitSchema } from './public-scorecards.schemas.js';
import { IdParamsSchema, LangQuerySchema } from '../../http/route-schemas.js';

const ErrorBody = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
/** Per visitor address; generous for people, tight enough that nobody scrapes the city every second. */
const rateLimit = { max: 120, timeWindow: '1 minute' };
/** The data is rebuilt once a minute at most, so browsers and proxies may keep it that long. */
const CACHE_CONTROL = 'public, max-age=60';

/** GET /public/city and /public/units/:id: aggregate scorecards for anyone, no login. */
export function publicScorecardsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const scorecards = publicScorecards(deps.db, deps.now);
    const tags = ['public'];

    // The server has no compression plugin; these replies go to phones on slow networks, so they are compressed
    // here (this hook applies to this plugin's routes only).
    app.addHook('onSend', async (request, reply, payload) => {
      if (typeof payload !== 'string' || payload.length < 1024 || reply.statusCode !== 200) return payload;
      const accepted = String(request.headers['accept-encoding'] ?? '');
      reply.header('vary', 'accept-encoding');
      if (/\bbr\b/.test(accepted)) {
        reply.header('content-encoding', 'br');
        return zlib.brotliCompressSync(payload, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
      }
      if (/\bgzip\b/.test(accepted)) {
        reply.header('content-encoding', 'gzip');
        return zlib.gzipSync(payload);
      }
      return payload;
    });

    app.get(
      '/public/city',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: "The city's public overview: goal counter, wards, criteria (small counts suppressed)",
          querystring: LangQuerySchema,
          response: { 200: PublicCitySchema, 429: ErrorBody },
        },
      },
      async (_request, reply) => {
        reply.header('cache-control', CACHE_CONTROL);
        return scorecards.city();
      },
    );

    app.get(
      '/public/units/:id',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: "A current ward's or hamlet's public scorecard (aggregates only, small counts suppressed)",
          params: IdParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: PublicUnitSchema, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
        },
      },
      async (request, reply) => {
        const page = await scorecards.unit(request.params.id);
        reply.header('cache-control', CACHE_CONTROL);
        return page;
      },
    );
  };
}
