import { z } from 'zod';
import {
  RESIDENT_FLAGS,
  ResidencySchema,
  SexSchema,
  SUPPORT_KINDS,
  TriStateSchema,
  VisitOutcomeSchema,
} from '../../../domain/surveys/schemas.js';
import { lang } from '../../http/route-schemas.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
export { LangQuerySchema, IdParamsSchema as HamletParamsSchema } from '../../http/route-schemas.js';

/* Reply and query shapes of the households API (issue 4). Request bodies use domain/surveys/schemas.ts. */

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;
export const BATCH_MAX = 200;

const residentFlagShape = Object.fromEntries(RESIDENT_FLAGS.map((f) => [f, TriStateSchema])) as {
  [K in (typeof RESIDENT_FLAGS)[number]]: typeof TriStateSchema;
};

export const MemberViewSchema = z.object({
  uid: z.string(),
  fullName: z.string(),
  birthYear: z.number(),
  birthDate: z.string().nullable(),
  sex: SexSchema,
  residency: ResidencySchema,
  isHead: z.boolean(),
  vneidLevel: z.number().nullable(),
  ...residentFlagShape,
});
export type MemberView = z.infer<typeof MemberViewSchema>;

export const HouseholdViewSchema = z.object({
  uid: z.string(),
  /** The current version's validFrom; a submission sends it back as baseVersion. */
  version: z.string(),
  hamletId: z.number(),
  localCode: z.string(),
  address: z.string().nullable(),
  street: z.string().nullable(),
  residency: ResidencySchema,
  fixedBroadband: TriStateSchema,
  mobileBroadband: TriStateSchema,
  inDigitalChannel: TriStateSchema,
  reachedByOutreach: TriStateSchema,
  members: z.array(MemberViewSchema),
  lastVisit: z
    .object({ outcome: VisitOutcomeSchema, visitedAt: z.string(), visitorName: z.string().nullable() })
    .nullable(),
  assignedTo: z.object({ userId: z.number(), displayName: z.string() }).nullable(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type HouseholdView = z.infer<typeof HouseholdViewSchema>;

export { UidParamsSchema as HouseholdParamsSchema } from '../../http/route-schemas.js';

export const HouseholdListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  street: z.string().trim().max(200).optional(),
  /** "me", a user id, or "none" (not assigned to anyone). */
  assignedTo: z.union([z.enum(['me', 'none']), RowIdParam]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  lang,
});
export type HouseholdListQuery = z.infer<typeof HouseholdListQuerySchema>;

export const HouseholdListSchema = z.object({
  items: z.array(HouseholdViewSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  abilities: z.object({ canCreate: z.boolean() }),
});

export const HouseholdReplySchema = z.object({ household: HouseholdViewSchema });

export const SubmissionReplySchema = z.object({
  status: z.enum(['applied', 'duplicate']),
  household: HouseholdViewSchema,
});

const ErrorBodySchema = z.object({ code: z.string(), message: z.string(), details: z.unknown() });

export const BatchBodySchema = z.strictObject({
  /** Each item is checked on its own (a bad one is 'rejected', the others still apply), so items are not typed here. */
  submissions: z.array(z.unknown()).min(1).max(BATCH_MAX),
});

export const BatchResultSchema = z.object({
  clientId: z.string().nullable(),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  household: HouseholdViewSchema.optional(),
  server: HouseholdViewSchema.optional(),
  error: ErrorBodySchema.optional(),
});
export type BatchResult = z.infer<typeof BatchResultSchema>;
export const BatchReplySchema = z.object({ results: z.array(BatchResultSchema) });

export const VisitViewSchema = z.object({
  uid: z.string(),
  outcome: VisitOutcomeSchema,
  visitedAt: z.string(),
  visitorId: z.number().nullable(),
  visitorName: z.string().nullable(),
  support: z.array(z.enum(SUPPORT_KINDS)),
  note: z.string().nullable(),
});
export const VisitListSchema = z.object({ items: z.array(VisitViewSchema) });
