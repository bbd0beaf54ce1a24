import { z } from 'zod';
import { RowIdParam } from '../../../domain/ids/row-id.js';
export { LangQuerySchema, IdParamsSchema as HamletParamsSchema } from '../../http/route-schemas.js';

/* Reply shapes and params of the digital teams API; request bodies come from domain/surveys/teams.ts. */

export const MemberParamsSchema = z.strictObject({
  id: RowIdParam,
  userId: RowIdParam,
});
export const AssignmentParamsSchema = z.strictObject({
  id: RowIdParam,
  householdUid: z.string().min(1).max(64),
});

const PersonSchema = z.object({ userId: z.number().int(), displayName: z.string() });

export const TeamReplySchema = z.object({
  team: z
    .object({
      id: z.number().int(),
      decisionNo: z.string().nullable(),
      decisionDate: z.string().nullable(),
      members: z.array(
        PersonSchema.extend({
          username: z.string(),
          joinedAt: z.string(),
          /** null = still a member. */
          leftAt: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  abilities: z.object({ canEdit: z.boolean() }),
});

export const AssignReplySchema = z.object({ assigned: z.number().int() });

export const CoverageSchema = z.object({
  hamlet: z.object({
    households: z.number().int(),
    assigned: z.number().int(),
    visited: z.number().int(),
    lastVisitAt: z.string().nullable(),
  }),
  members: z.array(
    PersonSchema.extend({
      assigned: z.number().int(),
      visited: z.number().int(),
      lastVisitAt: z.string().nullable(),
    }),
  ),
  neverVisited: z.array(
    z.object({
      uid: z.string(),
      localCode: z.string(),
      address: z.string().nullable(),
      street: z.string().nullable(),
      assignedTo: PersonSchema.nullable(),
    }),
  ),
});
