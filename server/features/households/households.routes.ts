import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { SurveySubmissionSchema } from '../../../domain/surveys/schemas.js';
import {
  BatchBodySchema,
  BatchReplySchema,
  HamletParamsSchema,
  HouseholdListQuerySchema,
  HouseholdListSchema,
  HouseholdParamsSchema,
  HouseholdReplySchema,
  HouseholdViewSchema,
  LangQuerySchema,
  SubmissionReplySchema,
  VisitListSchema,
} from './households.schemas.js';
import { getHousehold, listHouseholds, listVisits, type HouseholdContext } from './households.service.js';
import { applyBatch, applySubmission } from './submissions.service.js';
import { requestContext } from '../../http/request-context.js';

/** 409s: SURVEY_CONFLICT carries both versions; HOUSEHOLD_CODE_TAKEN and SURVEY_WRITE_CONFLICT carry no details. */
const ConflictSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.looseObject({ server: HouseholdViewSchema.optional(), submitted: z.unknown().optional() }),
});

/**
 * The household register of a hamlet and door-to-door survey sync (issue 4): lists and reads scoped to the
 * actor, and submissions from the offline survey form, applied once each however often they are replayed.
 */
export function householdsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const context = (request: FastifyRequest): HouseholdContext => ({
      ...requestContext(request, deps.now),
      locale: request.locale ?? 'vi',
    });
    const tags = ['households'];

    app.get(
      '/hamlets/:id/households',
      {
        schema: {
          tags,
          summary:
            "One page of a hamlet's households with members, last visit and assignment (audit-logged read)",
          params: HamletParamsSchema,
          querystring: HouseholdListQuerySchema,
          response: { 200: HouseholdListSchema },
        },
      },
      async (request) => listHouseholds(deps.db, context(request), request.params.id, request.query),
    );

    app.get(
      '/households/:uid',
      {
        schema: {
          tags,
          summary: 'One household with its members, last visit and assignment (audit-logged read)',
          params: HouseholdParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: HouseholdReplySchema },
        },
      },
      async (request) => getHousehold(deps.db, context(request), request.params.uid),
    );

    app.get(
      '/households/:uid/visits',
      {
        schema: {
          tags,
          summary: "A household's visit log, newest first",
          params: HouseholdParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: VisitListSchema },
        },
      },
      async (request) => listVisits(deps.db, context(request), request.params.uid),
    );

    app.post(
      '/survey-submissions',
      {
        // Checked by the service, which names bad fields in the reader's language; the schema documents the body.
        attachValidation: true,
        schema: {
          tags,
          summary:
            'Apply one survey submission: household, member changes and visit in one step; replays are answered as duplicates',
          querystring: LangQuerySchema,
          body: SurveySubmissionSchema,
          response: { 200: SubmissionReplySchema, 409: ConflictSchema },
        },
      },
      async (request) => applySubmission(deps.db, context(request), request.body),
    );

    app.post(
      '/survey-submissions/batch',
      {
        schema: {
          tags,
          summary:
            'Apply up to 200 queued submissions, each in its own transaction, with one outcome per submission',
          querystring: LangQuerySchema,
          body: BatchBodySchema,
          response: { 200: BatchReplySchema },
        },
      },
      async (request) => applyBatch(deps.db, context(request), request.body.submissions),
    );
  };
}
