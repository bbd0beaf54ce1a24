import { z } from 'zod';
import { RowIdSchema } from '../ids/row-id.js';

/*
 * The shapes of door-to-door survey data, shared by the server, the offline survey form, and the Excel/CSV
 * importer, so all three accept and refuse exactly the same things. Flags are yes/no/unknown: true, false or null;
 * an unanswered question stays null (unknown), never false. Limits are named constants.
 */

export const FULL_NAME_MAX = 120;
export const LOCAL_CODE_MAX = 30;
export const ADDRESS_MAX = 200;
export const MEMBERS_PER_HOUSEHOLD_MAX = 30;
/** Nobody in a register is plausibly older than this. */
export const MAX_AGE_YEARS = 120;

const isoDate = z.iso.date();

/** yes / no / unknown. */
export const TriStateSchema = z.boolean().nullable();
export type TriState = z.infer<typeof TriStateSchema>;

export const SexSchema = z.enum(['male', 'female']);
export const ResidencySchema = z.enum(['permanent', 'temporary']);
export const BusinessKindSchema = z.enum(['shop', 'household_business', 'farm', 'cooperative', 'other']);

/** The resident status flags of DOMAIN.md §4 / issue 3 §1, in the order forms and templates show them. */
export const RESIDENT_FLAGS = [
  'onlinePublicServiceAccount',
  'canUseOnlinePublicService',
  'digitalPaymentAccount',
  'smartDevice',
  'telehealthInformed',
  'onlineMedicalBooking',
  'digitalSkillsCoached',
  'electronicHealthRecord',
] as const;
export type ResidentFlag = (typeof RESIDENT_FLAGS)[number];

export const HOUSEHOLD_FLAGS = [
  'fixedBroadband',
  'mobileBroadband',
  'inDigitalChannel',
  'reachedByOutreach',
] as const;
export type HouseholdFlag = (typeof HOUSEHOLD_FLAGS)[number];

const residentShape = {
  /** Present for an existing member; absent for a new one (newborn, moved in). */
  uid: z.string().min(1).max(64).optional(),
  fullName: z.string().trim().min(1).max(FULL_NAME_MAX),
  birthYear: z.number().int().min(1880).max(2200),
  birthDate: isoDate.nullable().optional(),
  sex: SexSchema,
  residency: ResidencySchema,
  isHead: z.boolean().default(false),
  vneidLevel: z
    .union([z.literal(0), z.literal(1), z.literal(2)])
    .nullable()
    .default(null),
  ...Object.fromEntries(RESIDENT_FLAGS.map((f) => [f, TriStateSchema.default(null)])),
} as { [K in ResidentFlag]: z.ZodDefault<typeof TriStateSchema> } & {
  uid: z.ZodOptional<z.ZodString>;
  fullName: z.ZodString;
  birthYear: z.ZodNumber;
  birthDate: z.ZodOptional<z.ZodNullable<typeof isoDate>>;
  sex: typeof SexSchema;
  residency: typeof ResidencySchema;
  isHead: z.ZodDefault<z.ZodBoolean>;
  vneidLevel: z.ZodDefault<z.ZodNullable<z.ZodUnion<[z.ZodLiteral<0>, z.ZodLiteral<1>, z.ZodLiteral<2>]>>>;
};

/**
 * One person of a household. Cross-field rules: a birth date must fall in the birth year, and nobody "can use
 * online public services" without an account (the flag depends on the account flag).
 */
export const ResidentInputSchema = z.strictObject(residentShape).superRefine((r, ctx) => {
  if (r.birthDate && Number(r.birthDate.slice(0, 4)) !== r.birthYear) {
    ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'birth_date_not_in_birth_year' });
  }
  if (r.canUseOnlinePublicService === true && r.onlinePublicServiceAccount === false) {
    ctx.addIssue({
      code: 'custom',
      path: ['canUseOnlinePublicService'],
      message: 'needs_online_public_service_account',
    });
  }
});
export type ResidentInput = z.infer<typeof ResidentInputSchema>;

/** A household with all its current members, as a team member records it on a visit. At most one head. */
export const HouseholdInputSchema = z
  .strictObject({
    localCode: z.string().trim().min(1).max(LOCAL_CODE_MAX),
    address: z.string().trim().max(ADDRESS_MAX).nullable().optional(),
    street: z.string().trim().max(ADDRESS_MAX).nullable().optional(),
    residency: ResidencySchema,
    fixedBroadband: TriStateSchema.default(null),
    mobileBroadband: TriStateSchema.default(null),
    inDigitalChannel: TriStateSchema.default(null),
    reachedByOutreach: TriStateSchema.default(null),
    members: z.array(ResidentInputSchema).max(MEMBERS_PER_HOUSEHOLD_MAX),
  })
  .superRefine((h, ctx) => {
    const heads = h.members.flatMap((m, i) => (m.isHead ? [i] : []));
    for (const i of heads.slice(1))
      ctx.addIssue({ code: 'custom', path: ['members', i, 'isHead'], message: 'more_than_one_head' });
    const uids = new Set<string>();
    h.members.forEach((m, i) => {
      if (!m.uid) return;
      if (uids.has(m.uid))
        ctx.addIssue({ code: 'custom', path: ['members', i, 'uid'], message: 'duplicate_member' });
      uids.add(m.uid);
    });
  });
export type HouseholdInput = z.infer<typeof HouseholdInputSchema>;

export const VISIT_OUTCOMES = ['visited', 'nobody_home', 'refused', 'moved_away'] as const;
export const VisitOutcomeSchema = z.enum(VISIT_OUTCOMES);
/** What a team member helped with on the visit (issue 4 §1). */
export const SUPPORT_KINDS = [
  'vneid_setup',
  'payment_app_installed',
  'online_service_account_created',
  'online_service_used',
  'telehealth_guided',
  'digital_skills_coached',
  'other',
] as const;
export const SupportKindSchema = z.enum(SUPPORT_KINDS);

export const VisitInputSchema = z.strictObject({
  outcome: VisitOutcomeSchema,
  /** When the visit happened (ISO timestamp, recorded on the phone; may be hours before the sync). */
  visitedAt: z.iso.datetime({ offset: true }),
  support: z.array(SupportKindSchema).max(SUPPORT_KINDS.length).default([]),
  note: z.string().trim().max(500).nullable().optional(),
});
export type VisitInput = z.infer<typeof VisitInputSchema>;

export const REMOVAL_REASONS = ['moved_away', 'died', 'duplicate', 'other'] as const;

/**
 * One offline edit, as queued on the phone and replayed on sync. `clientId` is made on the phone, so a submission
 * replayed any number of times is applied once. `baseVersion` is the household version the member started from;
 * if the server's household changed since, the server answers with both versions instead of overwriting.
 */
export const SurveySubmissionSchema = z.strictObject({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  hamletId: RowIdSchema,
  /** Absent for a household new to the register. */
  householdUid: z.string().min(1).max(64).optional(),
  baseVersion: z.string().max(40).nullable().optional(),
  /** Absent when only a visit is recorded (nobody home, refused). */
  household: HouseholdInputSchema.optional(),
  removedMembers: z
    .array(z.strictObject({ uid: z.string().min(1).max(64), reason: z.enum(REMOVAL_REASONS) }))
    .max(MEMBERS_PER_HOUSEHOLD_MAX)
    .default([]),
  visit: VisitInputSchema.optional(),
  /** Set when the member has seen a conflict and chosen to keep their own version. */
  overwrite: z.boolean().default(false),
});
export type SurveySubmission = z.infer<typeof SurveySubmissionSchema>;

export interface PlausibilityIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks that need the date: a birth year in the future, or a person older than MAX_AGE_YEARS. `today` is
 * yyyy-MM-dd; pure, so the phone runs it offline too.
 */
export function checkHouseholdPlausibility(household: HouseholdInput, today: string): PlausibilityIssue[] {
  const year = Number(today.slice(0, 4));
  const issues: PlausibilityIssue[] = [];
  household.members.forEach((m, i) => {
    if (m.birthYear > year)
      issues.push({ path: ['members', i, 'birthYear'], message: 'birth_year_in_future' });
    else if (m.birthYear < year - MAX_AGE_YEARS)
      issues.push({ path: ['members', i, 'birthYear'], message: 'birth_year_implausible' });
    if (m.birthDate && m.birthDate > today)
      issues.push({ path: ['members', i, 'birthDate'], message: 'birth_date_in_future' });
  });
  return issues;
}

/** The birth key the engine compares ages on: the full date, or 1 January of the year when only the year is known. */
export function birthKeyOf(member: Pick<ResidentInput, 'birthYear' | 'birthDate'>): string {
  return member.birthDate ?? `${String(member.birthYear).padStart(4, '0')}-01-01`;
}

/** Flags travel as true/false/null in the API and as 1/0/NULL in the database. */
export const flagToDb = (v: TriState | undefined): number | null => (v === true ? 1 : v === false ? 0 : null);
export const flagFromDb = (v: number | null): TriState => (v === 1 ? true : v === 0 ? false : null);
