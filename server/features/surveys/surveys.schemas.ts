import { z } from 'zod';
import { IsoDateSchema } from '../../../domain/admin-units/schemas.js';
import { blankAsAbsent } from '../../../domain/users/schemas.js';
import { lang } from '../../http/route-schemas.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
export {
  LangQuerySchema,
  IdParamsSchema as HamletParamsSchema,
  UidParamsSchema,
} from '../../http/route-schemas.js';

/*
 * Shapes of the hamlet-facts and wifi-points API. They live beside the routes for now; when the web gets survey
 * forms they move to domain/surveys so both sides validate with the same schema.
 */

export const FACT_KEY_PATTERN = /^[a-zA-Z]{1,40}$/;
export const EVIDENCE_MAX_LENGTH = 2000;
export const DECISION_NO_MAX_LENGTH = 100;
export const MEMBER_NAME_MAX_LENGTH = 120;
export const MEMBERS_MAX = 50;
export const CHANGE_NOTE_MAX_LENGTH = 500;
export const WIFI_NAME_MAX_LENGTH = 200;
export const PROVIDER_MAX_LENGTH = 100;

/**
 * Facts the criteria catalogue reads (DOMAIN.md §2), with the kind of value each takes: `bool` facts use
 * valueBool (AWR-2 team, INF-4 office), `count` facts a whole number in valueNum (SOC-3 polls, SOC-2 feedback).
 * Any other key matching FACT_KEY_PATTERN is accepted unchecked, so a new criteria set can ask for a new fact.
 */
export const KNOWN_FACTS = {
  digitalTeam: 'bool',
  officeEquipped: 'bool',
  onlinePollsPerYear: 'count',
  feedbackReceived: 'count',
  feedbackAnsweredOnline: 'count',
} as const satisfies Record<string, 'bool' | 'count'>;

const ChangeNoteSchema = z.string().trim().max(CHANGE_NOTE_MAX_LENGTH);

/** `?asOf=` a day (yyyy-MM-dd: the end of that day in Vietnam) or an ISO timestamp; absent = now. */
export const AsOfQuerySchema = z.strictObject({
  asOf: blankAsAbsent(z.union([IsoDateSchema, z.iso.datetime({ offset: true })])),
  lang,
});

export const FactParamsSchema = z.strictObject({
  id: RowIdParam,
  key: z.string().regex(FACT_KEY_PATTERN, 'A fact key is 1 to 40 letters'),
});

export const AbilitiesSchema = z.object({ canEdit: z.boolean() });

/**
 * PUT replaces the fact: a field left out becomes null (unknown). Sending the current values again changes
 * nothing and records no new version.
 */
export const FactInputSchema = z.strictObject({
  valueBool: z.boolean().nullable().optional(),
  valueNum: z.number().nullable().optional(),
  evidence: z.string().trim().max(EVIDENCE_MAX_LENGTH).nullable().optional(),
  decisionNo: z.string().trim().max(DECISION_NO_MAX_LENGTH).nullable().optional(),
  decisionDate: IsoDateSchema.nullable().optional(),
  members: z
    .array(z.string().trim().min(1).max(MEMBER_NAME_MAX_LENGTH))
    .max(MEMBERS_MAX)
    .nullable()
    .optional(),
  changeNote: ChangeNoteSchema.optional(),
});
export type FactInput = z.infer<typeof FactInputSchema>;

/** A version of one hamlet fact, as the API shows it. */
export const FactSchema = z.object({
  key: z.string(),
  valueBool: z.boolean().nullable(),
  valueNum: z.number().nullable(),
  evidence: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  members: z.array(z.string()).nullable(),
  changedBy: z.number().int().nullable(),
  changedByName: z.string().nullable(),
  changeNote: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  abilities: AbilitiesSchema,
});
export type FactView = z.infer<typeof FactSchema>;

export const FactListSchema = z.object({
  hamletId: z.number().int(),
  /** The instant the list describes; null = now. */
  asOf: z.string().nullable(),
  items: z.array(FactSchema),
  abilities: AbilitiesSchema,
});
export const FactHistorySchema = z.object({ items: z.array(FactSchema) });

const LatSchema = z.number().min(-90).max(90);
const LngSchema = z.number().min(-180).max(180);
const WifiNameSchema = z.string().trim().min(1).max(WIFI_NAME_MAX_LENGTH);
const ProviderSchema = z.string().trim().max(PROVIDER_MAX_LENGTH).nullable();

export const WifiPointInputSchema = z.strictObject({
  name: WifiNameSchema,
  lat: LatSchema,
  lng: LngSchema,
  /** null or absent = not checked yet. */
  isWorking: z.boolean().nullable().optional(),
  provider: ProviderSchema.optional(),
  changeNote: ChangeNoteSchema.optional(),
});
export type WifiPointInput = z.infer<typeof WifiPointInputSchema>;

export const WifiPointPatchSchema = z
  .strictObject({
    name: WifiNameSchema.optional(),
    lat: LatSchema.optional(),
    lng: LngSchema.optional(),
    isWorking: z.boolean().nullable().optional(),
    provider: ProviderSchema.optional(),
    changeNote: ChangeNoteSchema.optional(),
  })
  .refine(
    (input) => Object.entries(input).some(([key, value]) => key !== 'changeNote' && value !== undefined),
    {
      message: 'Nothing to change',
    },
  );
export type WifiPointPatch = z.infer<typeof WifiPointPatchSchema>;

export const DeleteQuerySchema = z.strictObject({
  /** Why the point is removed (e.g. "thiết bị bị thu hồi"); kept on the audit entry. */
  note: blankAsAbsent(ChangeNoteSchema),
  lang,
});

export const WifiPointSchema = z.object({
  uid: z.string(),
  hamletId: z.number().int(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  isWorking: z.boolean().nullable(),
  provider: z.string().nullable(),
  changedBy: z.number().int().nullable(),
  changedByName: z.string().nullable(),
  changeNote: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  abilities: AbilitiesSchema,
});
export type WifiPointView = z.infer<typeof WifiPointSchema>;

export const WifiPointListSchema = z.object({
  hamletId: z.number().int(),
  asOf: z.string().nullable(),
  items: z.array(WifiPointSchema),
  abilities: AbilitiesSchema,
});
export const WifiPointHistorySchema = z.object({ items: z.array(WifiPointSchema) });
