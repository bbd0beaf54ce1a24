import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import {
  AssignmentInputSchema,
  TeamInputSchema,
  TeamMemberInputSchema,
} from '../../../domain/surveys/teams.js';
import { assignHouseholds, unassignHousehold } from './assignments.service.js';
import { hamletCoverage } from './coverage.service.js';
import {
  AssignmentParamsSchema,
  AssignReplySchema,
  CoverageSchema,
  HamletParamsSchema,
  LangQuerySchema,
  MemberParamsSchema,
  TeamReplySchema,
} from './digital-teams.schemas.js';
import { addMember, getTeam, leaveMember, setTeam } from './digital-teams.service.js';
import { requestContext } from '../../http/request-context.js';

/**
 * A hamlet's community digital team (/hamlets/:id/team…), household assignments (/hamlets/:id/assignments…) and
 * door-to-door coverage (/hamlets/:id/coverage). Reads are scoped; team changes are for officers and admins,
 * assignments also for the hamlet head.
 */
export function digitalTeamsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const context = (request: FastifyRequest) => requestContext(request, deps.now);
    const tags = ['digital-teams'];

    app.get(
      '/hamlets/:id/team',
      {
        schema: {
          tags,
          summary: "A hamlet's community digital team with its members, past and present",
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: TeamReplySchema },
        },
      },
      async (request) => getTeam(deps.db, context(request), request.params.id),
    );

    app.put(
      '/hamlets/:id/team',
      {
        schema: {
          tags,
          summary: "Record the team's founding decision; also sets the hamlet fact digitalTeam (AWR-2)",
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          body: TeamInputSchema,
          response: { 200: TeamReplySchema },
        },
      },
      async (request) => setTeam(deps.db, context(request), request.params.id, request.body),
    );

    app.post(
      '/hamlets/:id/team/members',
      {
        schema: {
          tags,
          summary: 'Add a team_member or hamlet_head account to the team',
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          body: TeamMemberInputSchema,
          response: { 200: TeamReplySchema },
        },
      },
      async (request) => addMember(deps.db, context(request), request.params.id, request.body.userId),
    );

    app.post(
      '/hamlets/:id/team/members/:userId/leave',
      {
        schema: {
          tags,
          summary: 'Record that a member left the team (history kept; their households become unassigned)',
          params: MemberParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: TeamReplySchema },
        },
      },
      async (request) => leaveMember(deps.db, context(request), request.params.id, request.params.userId),
    );

    app.post(
      '/hamlets/:id/assignments',
      {
        schema: {
          tags,
          summary:
            'Assign households to a team member, by list of uids or by street (replaces earlier assignments)',
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          body: AssignmentInputSchema,
          response: { 200: AssignReplySchema },
        },
      },
      async (request) => assignHouseholds(deps.db, context(request), request.params.id, request.body),
    );

    app.delete(
      '/hamlets/:id/assignments/:householdUid',
      {
        schema: {
          tags,
          summary: "Take a household off its member's list",
          params: AssignmentParamsSchema,
          querystring: LangQuerySchema,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await unassignHousehold(deps.db, context(request), request.params.id, request.params.householdUid);
        return reply.status(204).send();
      },
    );

    app.get(
      '/hamlets/:id/coverage',
      {
        schema: {
          tags,
          summary: 'Households visited / assigned, per hamlet and per member, and households never visited',
          params: HamletParamsSchema,
          querystring: LangQuerySchema,
          response: { 200: CoverageSchema },
        },
      },
      async (request) => hamletCoverage(deps.db, context(request), request.params.id),
    );
  };
}
