import { z } from 'zod';
import { isIsoDate } from '../admin-units/dates.js';
import { checkCriteriaSet } from './check-criteria-set.js';
import { WORKING_AGE_PRESETS } from './working-age.js';

/*
 * The shape of a criteria set (bộ tiêu chí), the single source for the server API, the stored JSON and the web
 * editor. A set is data: groups of criteria, each a ratio, a count, a hamlet fact, a ratio of two facts, or an
 * any-of / all-of composite of other criteria. Checks that need the whole set (fields known to the subject, codes,
 * cycles) run in check-criteria-set.ts. Source: DOMAIN.md §2 (catalogue) and §3 (decisions); issue 3.
 */

export const GROUP_CODES = ['awareness', 'skills', 'infrastructure', 'economy', 'society'] as const;
export type GroupCode = (typeof GROUP_CODES)[number];

export const SUBJECTS = ['residents', 'households', 'businesses', 'wifiPoints'] as const;
/** Operators a filter condition may use; `in` takes a list. */
export const FILTER_OPS = ['eq', 'ne', 'gte', 'gt', 'lte', 'lt', 'in'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];
/** How a value is compared with its target: at least, more than, at most. */
export const COMPARATORS = ['gte', 'gt', 'lte'] as const;
export type Comparator = (typeof COMPARATORS)[number];
/**
 * Named conditions whose meaning depends on the set's parameters and the assessment date: workingAge (the working-age
 * preset), adult (age >= adultAge), vneidEligible (age >= vneidMinAge), countedResidency (temporary residents count
 * unless countTemporaryResidents is false).
 */
export const PRESETS = ['workingAge', 'adult', 'vneidEligible', 'countedResidency'] as const;
export type Preset = (typeof PRESETS)[number];
export const RATIO_UNITS = ['people', 'households', 'businesses', 'products'] as const;
export type RatioUnit = (typeof RATIO_UNITS)[number];
/** What a zero denominator means: missing data (the default, DOMAIN.md §3), or "this criterion does not apply here". */
export const ZERO_DENOMINATOR_RULES = ['not_assessable', 'not_applicable'] as const;

/** Criterion codes: letters, digits, '-' and '_' (no '.', which separates a code from its counter role). */
export const CRITERION_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
/** Hamlet fact keys are camelCase identifiers, e.g. digitalTeam, onlinePollsPerYear. */
export const FACT_KEY_PATTERN = /^[a-z][A-Za-z0-9]{0,49}$/;
export const MAX_FILTER_CONDITIONS = 20;

/**
 * One filter condition. Written by hand because it is recursive (anyOf, member) and zod cannot infer a recursive
 * type; ConditionSchema below is checked against it by the compiler.
 */
export type Condition =
  /** A tri-state flag is yes (1) or no (0); an unknown flag satisfies neither. */
  | { field: string; is: 'yes' | 'no' }
  | { field: string; op: FilterOp; value: string | number | Array<string | number> }
  | { preset: Preset }
  /** At least one of the conditions holds. */
  | { anyOf: Condition[] }
  /** Households only: some member of the household satisfies all of these resident conditions. */
  | { member: Condition[] };

const LocalizedTextSchema = z.strictObject({
  vi: z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});

const ScalarSchema = z.union([z.string().max(100), z.number()]);

type UnionIssue = { code: string; path: PropertyKey[]; message: string };

/** A failed condition names what is wrong in the branch the author meant (the one whose keys it used). */
function conditionError(issue: { code: string; errors?: UnionIssue[][] }): string | undefined {
  if (issue.code !== 'invalid_union' || !issue.errors) return undefined;
  const meant = issue.errors.filter(
    (branch) => !branch.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0),
  );
  if (meant.length === 1) {
    return meant[0]
      .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
      .join('; ');
  }
  return 'Unrecognised condition: expected {field, is}, {field, op, value}, {preset}, {anyOf} or {member}';
}

export const ConditionSchema: z.ZodType<Condition, Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ field: z.string().max(60), is: z.enum(['yes', 'no']) }),
      z.strictObject({
        field: z.string().max(60),
        op: z.enum(FILTER_OPS),
        value: z.union([ScalarSchema, z.array(ScalarSchema).min(1).max(50)]),
      }),
      z.strictObject({ preset: z.enum(PRESETS) }),
      z.strictObject({ anyOf: z.array(ConditionSchema).min(1).max(MAX_FILTER_CONDITIONS) }),
      z.strictObject({ member: z.array(ConditionSchema).min(1).max(MAX_FILTER_CONDITIONS) }),
    ],
    { error: conditionError },
  ),
);

/** Conditions ANDed together; an empty filter keeps every row. */
export const FilterSchema = z.array(ConditionSchema).max(MAX_FILTER_CONDITIONS);
export type Filter = Condition[];

const ComparatorSchema = z.enum(COMPARATORS);

/** A percentage target, 0 to 100 with at most 2 decimals, so it is an exact fraction of 10,000. */
export const PercentTargetSchema = z.strictObject({
  comparator: ComparatorSchema,
  percent: z
    .number()
    .min(0, { error: 'A percentage target must be between 0 and 100' })
    .max(100, { error: 'A percentage target must be between 0 and 100' })
    .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-9, {
      error: 'A percentage target has at most 2 decimals',
    }),
});
export type PercentTarget = z.infer<typeof PercentTargetSchema>;

export const CountTargetSchema = z.strictObject({
  comparator: ComparatorSchema,
  value: z.number().int().min(0).max(1_000_000),
});
export type CountTarget = z.infer<typeof CountTargetSchema>;

export const FactTargetSchema = z.union([
  z.strictObject({ equals: z.boolean() }),
  z.strictObject({ comparator: ComparatorSchema, value: z.number().min(0).max(1_000_000) }),
]);
export type FactTarget = z.infer<typeof FactTargetSchema>;

const FactKeySchema = z.string().regex(FACT_KEY_PATTERN, { error: 'A fact key is a camelCase identifier' });
const CriterionCodeSchema = z
  .string()
  .regex(CRITERION_CODE_PATTERN, { error: "A code uses letters, digits, '-' or '_' (e.g. SKL-2a)" });

export const RatioDefinitionSchema = z.strictObject({
  kind: z.literal('ratio'),
  subject: z.enum(SUBJECTS),
  denominator: FilterSchema,
  numerator: FilterSchema,
  target: PercentTargetSchema,
  unit: z.enum(RATIO_UNITS),
  ifZeroDenominator: z.enum(ZERO_DENOMINATOR_RULES).optional(),
});

export const CountDefinitionSchema = z.strictObject({
  kind: z.literal('count'),
  subject: z.enum(SUBJECTS),
  filter: FilterSchema,
  target: CountTargetSchema,
});

export const FactDefinitionSchema = z.strictObject({
  kind: z.literal('fact'),
  fact: FactKeySchema,
  target: FactTargetSchema,
  /** The fact counts only with its evidence (e.g. the decision number and date setting up the digital team). */
  evidenceRequired: z.boolean().optional(),
});

export const FactRatioDefinitionSchema = z.strictObject({
  kind: z.literal('factRatio'),
  numeratorFact: FactKeySchema,
  denominatorFact: FactKeySchema,
  target: PercentTargetSchema,
  ifZeroDenominator: z.enum(ZERO_DENOMINATOR_RULES).optional(),
});

const compositeOf = z.array(CriterionCodeSchema).min(1).max(20);
export const AnyOfDefinitionSchema = z.strictObject({ kind: z.literal('anyOf'), of: compositeOf });
export const AllOfDefinitionSchema = z.strictObject({ kind: z.literal('allOf'), of: compositeOf });

export const CriterionDefinitionSchema = z.discriminatedUnion('kind', [
  RatioDefinitionSchema,
  CountDefinitionSchema,
  FactDefinitionSchema,
  FactRatioDefinitionSchema,
  AnyOfDefinitionSchema,
  AllOfDefinitionSchema,
]);
export type CriterionDefinition = z.infer<typeof CriterionDefinitionSchema>;
export type RatioDefinition = z.infer<typeof RatioDefinitionSchema>;
export type CountDefinition = z.infer<typeof CountDefinitionSchema>;
export type FactDefinition = z.infer<typeof FactDefinitionSchema>;
export type FactRatioDefinition = z.infer<typeof FactRatioDefinitionSchema>;
export type CompositeDefinition =
  z.infer<typeof AnyOfDefinitionSchema> | z.infer<typeof AllOfDefinitionSchema>;
export type CriterionKind = CriterionDefinition['kind'];

export const CriterionSchema = z.strictObject({
  code: CriterionCodeSchema,
  name: LocalizedTextSchema,
  /** 'A': stated in the programme brief; 'E': an extra seen in other localities' sets (DOMAIN.md §2). */
  source: z.enum(['A', 'E']),
  enabled: z.boolean(),
  /** Weight in points mode. */
  points: z.number().min(0).max(1000).optional(),
  /** A part used only inside a composite (SKL-2a, SKL-2b): shown, but not counted on its own. */
  hidden: z.boolean().optional(),
  definition: CriterionDefinitionSchema,
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const CriteriaGroupSchema = z.strictObject({
  code: z.enum(GROUP_CODES),
  name: LocalizedTextSchema,
  criteria: z.array(CriterionSchema).max(50),
});
export type CriteriaGroup = z.infer<typeof CriteriaGroupSchema>;

export const RoundingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({ mode: z.literal('round'), decimals: z.union([z.literal(0), z.literal(1), z.literal(2)]) }),
]);
export type Rounding = z.infer<typeof RoundingSchema>;

/** Settings of a criteria version; every default is DOMAIN.md §3's, and every one can be changed. */
export const CriteriaParametersSchema = z.strictObject({
  workingAge: z.enum(WORKING_AGE_PRESETS).default('labour_code_2019'),
  vneidMinAge: z.number().int().min(0).max(120).default(14),
  adultAge: z.number().int().min(0).max(120).default(18),
  countTemporaryResidents: z.boolean().default(true),
  /** none: the exact fraction is compared (79.96% does not meet 80%); round: the percentage rounded half up. */
  rounding: RoundingSchema.default({ mode: 'none' }),
  pointsMode: z.boolean().default(false),
  /** Pilot hamlets a ward or commune may mark (the brief: 1 to 2). */
  pilotLimit: z.number().int().min(1).max(50).default(2),
});
export type CriteriaParameters = z.infer<typeof CriteriaParametersSchema>;

/** The set's shape alone; CriteriaSetDefinitionSchema adds the whole-set checks. */
export const CriteriaSetShapeSchema = z.strictObject({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, { error: 'A set code uses lower-case letters, digits and -' }),
  name: LocalizedTextSchema,
  version: z.number().int().min(1),
  effectiveFrom: z.string().refine(isIsoDate, { error: 'A date is written yyyy-MM-dd' }),
  parameters: CriteriaParametersSchema.prefault({}),
  groups: z.array(CriteriaGroupSchema).min(1).max(GROUP_CODES.length),
});
/** A validated set with every default applied. */
export type CriteriaSetDefinition = z.infer<typeof CriteriaSetShapeSchema>;

export const CriteriaSetDefinitionSchema = CriteriaSetShapeSchema.superRefine(checkCriteriaSet);
/** A set as written by a person or a seed (defaults may be left out). */
export type CriteriaSetDefinitionInput = z.input<typeof CriteriaSetDefinitionSchema>;

export interface ValidationIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Parses and checks a criteria set: the shape (unknown operators, targets outside 0–100 %, unknown keys), then
 * the whole-set rules (fields unknown to the subject, duplicate codes, composites referring to unknown or disabled
 * criteria, cycles among composites). Returns the set with defaults applied, or every problem with its path.
 */
export function validateCriteriaSet(
  input: unknown,
): { ok: true; value: CriteriaSetDefinition } | { ok: false; issues: ValidationIssue[] } {
  const parsed = CriteriaSetDefinitionSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: i.message,
    })),
  };
}
