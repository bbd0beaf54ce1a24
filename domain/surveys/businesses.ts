import { z } from 'zod';
import { BusinessKindSchema, TriStateSchema } from './schemas.js';

/*
 * Shops, household businesses, farms and cooperatives of a hamlet (issue 4 §5), the records behind the digital
 * economy criteria: ECO-1 (eligible goods listed on e-commerce platforms), ECO-2 (cashless payment accepted) and
 * ECO-3 (OCOP and farm products with traceability codes or sold online). Shared by the server, the web form and
 * the importer. Flags are yes / no / unknown (null).
 */

export const BUSINESS_NAME_MAX = 200;
export const PLATFORM_NAME_MAX = 60;
export const PLATFORMS_MAX = 20;
export const BUSINESS_NOTE_MAX = 500;

/** OCOP certification (Decision 148/QĐ-TTg, 2023): 1 to 5 stars, null when the product is not certified. */
export const OcopStarsSchema = z.number().int().min(1).max(5).nullable();

/** A platform name is stored in a comma-separated column, so it may not itself contain a comma. */
const PlatformSchema = z
  .string()
  .trim()
  .min(1)
  .max(PLATFORM_NAME_MAX)
  .refine((name) => !name.includes(','), { message: 'platform_name_has_comma' });

const fields = {
  name: z.string().trim().min(1).max(BUSINESS_NAME_MAX),
  kind: BusinessKindSchema,
  acceptsCashless: TriStateSchema,
  /** The officer marks whether the goods are fit for e-commerce (DOMAIN.md §5). */
  ecommerceEligible: TriStateSchema,
  listedOnline: TriStateSchema,
  platforms: z.array(PlatformSchema).max(PLATFORMS_MAX),
  ocopStars: OcopStarsSchema,
  traceability: TriStateSchema,
  isFarmProduct: z.boolean(),
};

/** Listing platforms while saying "not listed online" contradicts itself; reported on the platforms field. */
function checkPlatforms(
  b: { listedOnline?: boolean | null; platforms?: string[] },
  ctx: z.RefinementCtx,
): void {
  if (b.listedOnline === false && (b.platforms?.length ?? 0) > 0) {
    ctx.addIssue({ code: 'custom', path: ['platforms'], message: 'platforms_but_not_listed' });
  }
}

export const BusinessInputSchema = z
  .strictObject({
    name: fields.name,
    kind: fields.kind,
    acceptsCashless: fields.acceptsCashless.default(null),
    ecommerceEligible: fields.ecommerceEligible.default(null),
    listedOnline: fields.listedOnline.default(null),
    platforms: fields.platforms.default([]),
    ocopStars: fields.ocopStars.default(null),
    traceability: fields.traceability.default(null),
    isFarmProduct: fields.isFarmProduct.default(false),
    changeNote: z.string().trim().max(BUSINESS_NOTE_MAX).optional(),
  })
  .superRefine(checkPlatforms);
export type BusinessInput = z.infer<typeof BusinessInputSchema>;

/** A change to some fields of a business; at least one field besides the note. */
export const BusinessPatchSchema = z
  .strictObject({
    name: fields.name.optional(),
    kind: fields.kind.optional(),
    acceptsCashless: fields.acceptsCashless.optional(),
    ecommerceEligible: fields.ecommerceEligible.optional(),
    listedOnline: fields.listedOnline.optional(),
    platforms: fields.platforms.optional(),
    ocopStars: fields.ocopStars.optional(),
    traceability: fields.traceability.optional(),
    isFarmProduct: fields.isFarmProduct.optional(),
    changeNote: z.string().trim().max(BUSINESS_NOTE_MAX).optional(),
  })
  .superRefine((patch, ctx) => {
    if (!Object.entries(patch).some(([key, value]) => key !== 'changeNote' && value !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'nothing_to_change' });
    }
    checkPlatforms(patch, ctx);
  });
export type BusinessPatch = z.infer<typeof BusinessPatchSchema>;

/** Platforms as stored: names joined by commas, null when there are none. */
export function platformsToText(platforms: string[]): string | null {
  return platforms.length === 0 ? null : platforms.join(',');
}

/** The stored platform text back as a list of names. */
export function platformsFromText(text: string | null): string[] {
  return text === null
    ? []
    : text
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
}
