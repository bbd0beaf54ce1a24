import { z } from 'zod';

/*
 * The public replies, key by key. The serializer drops anything not listed here, so these schemas are also the
 * whitelist of what may leave the server without a login: aggregates, unit and criterion names, nothing personal.
 */

const Text = z.object({ vi: z.string(), en: z.string() });
const Status = z.enum(['met', 'not_met', 'not_assessable', 'not_applicable']);

/** A published count: its value, or null with the reason it is withheld ("< 5", or hidden to protect another). */
export const PublicCountSchema = z.object({
  value: z.number().int().nullable(),
  state: z.enum(['shown', 'below5', 'hidden']),
});
export type PublicCount = z.infer<typeof PublicCountSchema>;

const Target = z.union([
  z.object({ comparator: z.string(), percent: z.number() }),
  z.object({ comparator: z.string(), value: z.number() }),
  z.object({ equals: z.boolean() }),
]);

export const PublicCriterionSchema = z.object({
  code: z.string(),
  group: z.string(),
  name: Text,
  kind: z.string(),
  /** A part shown under its composite (SKL-2a under SKL-2), not counted on its own. */
  isPart: z.boolean(),
  status: Status.nullable(),
  target: Target.nullable(),
  numerator: PublicCountSchema.nullable(),
  denominator: PublicCountSchema.nullable(),
  /** Only when both counts are shown. */
  percent: z.number().nullable(),
  /** Count criteria (wifi points). */
  count: PublicCountSchema.nullable(),
  /** Fact criteria: the recorded value (a digital team exists, polls per year). */
  fact: z.union([z.boolean(), z.number()]).nullable(),
  /** Wards and the city: how many hamlets meet the criterion, out of those where it applies. */
  hamletsMet: z.number().int().nullable(),
  hamletsApplicable: z.number().int().nullable(),
});
export type PublicCriterion = z.infer<typeof PublicCriterionSchema>;

const Group = z.object({ code: z.string(), name: Text });
const SetInfo = z.object({ code: z.string(), version: z.number().int(), name: Text });
const UnitRef = z.object({ id: z.number().int(), name: z.string(), type: z.string() });

export const PublicWardRowSchema = UnitRef.extend({
  hamlets: z.number().int(),
  hamletsMeetingStandard: z.number().int(),
});

export const PublicHamletRowSchema = UnitRef.extend({
  met: z.number().int(),
  applicable: z.number().int(),
  notAssessable: z.number().int(),
  meetsStandard: z.boolean(),
  isPilot: z.boolean(),
});

export const PublicCitySchema = z.object({
  date: z.string(),
  criteriaSet: SetInfo,
  groups: z.array(Group),
  goal: z.object({ wardsWithStandardHamlet: z.number().int(), wards: z.number().int() }),
  hamlets: z.number().int(),
  hamletsMeetingStandard: z.number().int(),
  wards: z.array(PublicWardRowSchema),
  criteria: z.array(PublicCriterionSchema),
});
export type PublicCity = z.infer<typeof PublicCitySchema>;

export const PublicUnitSchema = z.object({
  date: z.string(),
  criteriaSet: SetInfo,
  groups: z.array(Group),
  unit: UnitRef.extend({ level: z.enum(['commune', 'hamlet']) }),
  /** The ward of a hamlet page. */
  ward: UnitRef.nullable(),
  /** Hamlet pages: k of N criteria met overall and per group. */
  overall: z
    .object({
      met: z.number().int(),
      applicable: z.number().int(),
      notAssessable: z.number().int(),
      meetsStandard: z.boolean(),
    })
    .nullable(),
  groupTallies: z.array(z.object({ code: z.string(), met: z.number().int(), applicable: z.number().int() })),
  /** Ward pages: its hamlets. */
  hamlets: z.array(PublicHamletRowSchema),
  hamletsMeetingStandard: z.number().int().nullable(),
  criteria: z.array(PublicCriterionSchema),
});
export type PublicUnit = z.infer<typeof PublicUnitSchema>;
