import { z } from 'zod';
import { BusinessKindSchema } from '../../../domain/surveys/schemas.js';
import { lang } from '../../http/route-schemas.js';
export {
  LangQuerySchema,
  IdParamsSchema as HamletParamsSchema,
  UidParamsSchema,
} from '../../http/route-schemas.js';

/* Params and reply shapes of the businesses API; request bodies come from domain/surveys/businesses.ts. */

export const DeleteQuerySchema = z.strictObject({
  /** Why the business is removed (closed down, moved away); kept on the audit entry. */
  note: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(500).optional()),
  lang,
});

export const BusinessSchema = z.object({
  uid: z.string(),
  hamletId: z.number().int(),
  name: z.string(),
  kind: BusinessKindSchema,
  acceptsCashless: z.boolean().nullable(),
  ecommerceEligible: z.boolean().nullable(),
  listedOnline: z.boolean().nullable(),
  platforms: z.array(z.string()),
  ocopStars: z.number().int().nullable(),
  traceability: z.boolean().nullable(),
  isFarmProduct: z.boolean(),
  changedBy: z.number().int().nullable(),
  changedByName: z.string().nullable(),
  changeNote: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  abilities: z.object({ canEdit: z.boolean() }),
});
export type BusinessView = z.infer<typeof BusinessSchema>;

export const BusinessListSchema = z.object({
  hamletId: z.number().int(),
  items: z.array(BusinessSchema),
  abilities: z.object({ canCreate: z.boolean() }),
});
