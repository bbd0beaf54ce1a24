import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { lang } from '../../http/route-schemas.js';

/** GET /config: the public settings the web app needs before login (no secrets): the map tile URL template. */
export function configRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/config',
      {
        schema: {
          tags: ['config'],
          summary: 'Public settings of this installation',
          querystring: z.strictObject({ lang }),
          response: { 200: z.object({ mapTileUrl: z.string() }) },
        },
      },
      async () => ({ mapTileUrl: deps.env.TILE_URL }),
    );
  };
}
