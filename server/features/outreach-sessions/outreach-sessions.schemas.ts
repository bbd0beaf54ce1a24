import { z } from 'zod';
import { OutreachKindSchema } from '../../../domain/surveys/teams.js';
export { LangQuerySchema, IdParamsSchema as HamletParamsSchema } from '../../http/route-schemas.js';

/* Reply shapes of the outreach sessions API; the request body is OutreachSessionInputSchema (domain/surveys/teams.ts). */

export const OutreachSessionSchema = z.object({
  id: z.number().int(),
  heldOn: z.string(),
  kind: OutreachKindSchema,
  topic: z.string(),
  attendees: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  hamletIds: z.array(z.number().int()),
  householdUids: z.array(z.string()),
  abilities: z.object({ canEdit: z.boolean() }),
});

export const OutreachSessionListSchema = z.object({
  items: z.array(OutreachSessionSchema),
  abilities: z.object({ canCreate: z.boolean() }),
});
