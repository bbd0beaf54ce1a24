import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { requireRole } from '../../policies/actor.js';
import {
  CreateUserInputSchema,
  ResetPasswordInputSchema,
  UpdateUserInputSchema,
  UserListQuerySchema,
  UserListSchema,
  UserRecordSchema,
} from '../../../domain/users/schemas.js';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './users.service.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';

const UserReplySchema = z.object({ user: UserRecordSchema });
const IdParamsSchema = z.strictObject({ id: RowIdParam });
const tags = ['users'];

/** Account administration, for city admins only: list, read, create, change, reset password. */
export function usersRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'List accounts',
          querystring: UserListQuerySchema,
          response: { 200: UserListSchema },
        },
      },
      async (request) => {
        const actor = requireRole(request.actor, 'city_admin');
        return listUsers(deps.db, request.query, { actor, now: deps.now() });
      },
    );

    app.get(
      '/users/:id',
      {
        schema: { tags, summary: 'One account', params: IdParamsSchema, response: { 200: UserReplySchema } },
      },
      async (request) => {
        const actor = requireRole(request.actor, 'city_admin');
        return { user: await getUser(deps.db, request.params.id, { actor, now: deps.now() }) };
      },
    );

    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: 'Create an account',
          body: CreateUserInputSchema,
          response: { 201: UserReplySchema },
        },
      },
      async (request, reply) => {
        const actor = requireRole(request.actor, 'city_admin');
        const user = await createUser(deps.db, request.body, { actor, now: deps.now(), ip: request.ip });
        return reply.status(201).send({ user });
      },
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: 'Change name, role, scope, language or active flag',
          params: IdParamsSchema,
          body: UpdateUserInputSchema,
          response: { 200: UserReplySchema },
        },
      },
      async (request) => {
        const actor = requireRole(request.actor, 'city_admin');
        const user = await updateUser(deps.db, request.params.id, request.body, {
          actor,
          now: deps.now(),
          ip: request.ip,
        });
        return { user };
      },
    );

    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags,
          summary: 'Set a new password; the user must change it and their sessions end',
          params: IdParamsSchema,
          body: ResetPasswordInputSchema,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const actor = requireRole(request.actor, 'city_admin');
        await resetPassword(deps.db, request.params.id, request.body, {
          actor,
          now: deps.now(),
          ip: request.ip,
        });
        return reply.status(204).send();
      },
    );
  };
}
