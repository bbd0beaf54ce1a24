import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/database.js';
import type { Env } from '../env.js';
import { authRoutes } from './auth/auth.routes.js';
import { adminUnitsRoutes } from './admin-units/admin-units.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { surveysRoutes } from './surveys/surveys.routes.js';
import { criteriaSetsRoutes } from './criteria-sets/criteria-sets.routes.js';
import { assessmentsRoutes } from './assessments/assessments.routes.js';
import { configRoutes } from './config/config.routes.js';
import { digitalTeamsRoutes } from './digital-teams/digital-teams.routes.js';
import { outreachSessionsRoutes } from './outreach-sessions/outreach-sessions.routes.js';
import { businessesRoutes } from './businesses/businesses.routes.js';
import { householdsRoutes } from './households/households.routes.js';
import { surveyImportsRoutes } from './survey-imports/survey-imports.routes.js';
import { actionListsRoutes } from './action-lists/action-lists.routes.js';
import { publicScorecardsRoutes } from './public-scorecards/public-scorecards.routes.js';
import { evaluationRoundsRoutes } from './evaluation-rounds/evaluation-rounds.routes.js';
import { dashboardsRoutes } from './dashboards/dashboards.routes.js';

export interface FeatureDeps {
  db: Db;
  now: () => Date;
  env: Env;
}

/** Every feature's routes, mounted under /api. Each feature folder exports a plugin taking FeatureDeps. */
export function featureRoutes(db: Db, now: () => Date, env: Env): FastifyPluginAsync {
  const deps: FeatureDeps = { db, now, env };
  return async (app) => {
    const features: Array<(deps: FeatureDeps) => FastifyPluginAsync> = [
      authRoutes,
      adminUnitsRoutes,
      usersRoutes,
      auditRoutes,
      surveysRoutes,
      criteriaSetsRoutes,
      assessmentsRoutes,
      configRoutes,
      householdsRoutes,
      digitalTeamsRoutes,
      outreachSessionsRoutes,
      businessesRoutes,
      surveyImportsRoutes,
      actionListsRoutes,
      publicScorecardsRoutes,
      evaluationRoundsRoutes,
      dashboardsRoutes,
    ];
    for (const feature of features) await app.register(feature(deps));
  };
}
