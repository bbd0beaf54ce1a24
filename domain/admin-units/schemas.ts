import { z } from 'zod';
import { MERGE_TYPES, UNIT_LEVELS } from './constants.js';
import { isIsoDate } from './dates.js';
import { typesForLevel, UNIT_TYPE_IDS, type UnitType } from './unit-types.js';
import { RowIdSchema } from '../ids/row-id.js';

/*
 * Shapes of the admin-units API, shared by the server (validation, OpenAPI, reply serialisation) and the web
 * (forms and typed reads). Limits are named so the web form shows the same bounds.
 */

export const UNIT_NAME_MAX_LENGTH = 200;
export const LOCAL_CODE_MAX_LENGTH = 20;
export const SEARCH_LIMIT_DEFAULT = 20;
export const SEARCH_LIMIT_MAX = 100;

/** A calendar date written yyyy-MM-dd; impossible dates such as 2025-02-30 are refused. */
export const IsoDateSchema = z.iso.date().refine(isIsoDate, { message: 'Not a calendar date' });

export const UnitLevelSchema = z.enum(UNIT_LEVELS);
export const UnitTypeSchema = z.enum(UNIT_TYPE_IDS as [UnitType, ...UnitType[]]);
export const HamletTypeSchema = z.enum(typesForLevel('hamlet') as [UnitType, ...UnitType[]]);
export const MergeTypeSchema = z.enum(MERGE_TYPES);

/** A full official name including its type word, e.g. "Khu phố Khánh Long". */
export const UnitNameSchema = z.string().trim().min(1).max(UNIT_NAME_MAX_LENGTH);
export const LocalCodeSchema = z.string().trim().min(1).max(LOCAL_CODE_MAX_LENGTH);

export const RenameUnitInputSchema = z.strictObject({
  name: UnitNameSchema,
  effectiveDate: IsoDateSchema,
});
export type RenameUnitInput = z.infer<typeof RenameUnitInputSchema>;

/** A type change (e.g. ấp → khu phố); the type word at the front of the name follows the new type. */
export const ChangeUnitTypeInputSchema = z.strictObject({
  type: UnitTypeSchema,
  effectiveDate: IsoDateSchema,
});
export type ChangeUnitTypeInput = z.infer<typeof ChangeUnitTypeInputSchema>;

export const CreateHamletInputSchema = z.strictObject({
  parentId: RowIdSchema,
  name: UnitNameSchema,
  type: HamletTypeSchema,
  localCode: LocalCodeSchema.optional(),
  validFrom: IsoDateSchema,
});
export type CreateHamletInput = z.infer<typeof CreateHamletInputSchema>;

export const UnitSummarySchema = z.object({
  id: z.number().int(),
  level: UnitLevelSchema,
  code: z.string().nullable(),
  localCode: z.string().nullable(),
  name: z.string(),
  type: z.string(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  /** When the unit itself began and ended (not the current name). */
  validFrom: z.string(),
  validTo: z.string().nullable(),
  isDemo: z.boolean(),
  childCount: z.number().int().optional(),
  /** Search only: the past name that matched, when it differs from `name`. */
  matchedName: z.string().optional(),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

export const UnitPeriodSchema = z.object({
  name: z.string(),
  type: z.string(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  reason: z.string(),
});
export type UnitPeriod = z.infer<typeof UnitPeriodSchema>;

export const UnitAbilitiesSchema = z.object({
  canRename: z.boolean(),
  canChangeType: z.boolean(),
  canAddHamlet: z.boolean(),
});
export type UnitAbilities = z.infer<typeof UnitAbilitiesSchema>;

export const UnitDetailSchema = z.object({
  unit: UnitSummarySchema,
  periods: z.array(UnitPeriodSchema),
  ancestors: z.array(z.object({ id: z.number().int(), name: z.string(), level: UnitLevelSchema })),
  abilities: UnitAbilitiesSchema,
});
export type UnitDetail = z.infer<typeof UnitDetailSchema>;

/** A linked unit; `inScope` false means the actor may see that the link exists but may not open the unit. */
export const LineageLinkSchema = z.object({
  unit: UnitSummarySchema.extend({ inScope: z.boolean() }),
  mergeType: MergeTypeSchema,
  effectiveDate: z.string(),
});

export const UnitLineageSchema = z.object({
  predecessors: z.array(LineageLinkSchema),
  successors: z.array(LineageLinkSchema),
  /** All hops: predecessors of predecessors and successors of successors, as a graph. */
  chain: z.object({
    units: z.array(UnitSummarySchema.extend({ inScope: z.boolean() })),
    links: z.array(
      z.object({
        fromUnitId: z.number().int(),
        toUnitId: z.number().int(),
        mergeType: MergeTypeSchema,
        effectiveDate: z.string(),
      }),
    ),
  }),
});
export type UnitLineage = z.infer<typeof UnitLineageSchema>;

export const IMPORT_LAYOUTS = ['before_2025', 'after_2025', 'mapping_2025', 'hamlets'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

/** One problem in an import file; `row` is 1-based with the header as row 1, null for the file as a whole. */
export const ImportIssueSchema = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  vi: z.string(),
  en: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportReportSchema = z.object({
  layout: z.enum(IMPORT_LAYOUTS).nullable(),
  /** Data rows read (the header not counted). */
  rows: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  lineageAdded: z.number().int(),
  warnings: z.array(ImportIssueSchema),
  errors: z.array(ImportIssueSchema),
  dryRun: z.boolean(),
  durationMs: z.number(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** Largest file the web may send for import, before base64 (the national pre-2025 list is 0.76 MB). */
export const IMPORT_FILE_MAX_BYTES = 15 * 1024 * 1024;

export const ImportUnitsInputSchema = z.strictObject({
  /** Only its extension matters: .xlsx is read as a workbook, anything else as CSV. */
  filename: z.string().trim().min(1).max(255),
  contentBase64: z
    .string()
    .min(1)
    .max(Math.ceil((IMPORT_FILE_MAX_BYTES * 4) / 3) + 4),
  dryRun: z.boolean().optional(),
});
export type ImportUnitsInput = z.infer<typeof ImportUnitsInputSchema>;
