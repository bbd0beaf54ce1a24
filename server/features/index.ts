import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/database.js';
import type { Env } from '../env.js';

export interface FeatureDeps {
  db: Db;
  now: () => Date;
  env: Env;
}

/** Every feature's routes, mounted under /api. Each feature folder exports a plugin taking FeatureDeps. */
export function featureRoutes(db: Db, now: () => Date, env: Env): FastifyPluginAsync {
  const deps: FeatureDeps = { db, now, env };
  return async (app) => {
    const features: Array<(deps: FeatureDeps) => FastifyPluginAsync> = [];
    for (const feature of features) await app.register(feature(deps));
  };
}
