import { z } from 'zod';
import { RowIdParam } from '../../domain/ids/row-id.js';
import { LocaleSchema } from '../../domain/users/schemas.js';

/*
 * Pieces of request schemas that every feature's routes share. `?lang=` is read by the app's onRequest hook to pick
 * the language of error messages; routes declare it so strict query objects accept it.
 */
export const lang = LocaleSchema.optional();
export const LangQuerySchema = z.strictObject({ lang });
/** `/…/:id` where the id is a row id (a unit, a hamlet, a round…). */
export const IdParamsSchema = z.strictObject({ id: RowIdParam });
/** `/…/:uid` for a versioned survey record. */
export const UidParamsSchema = z.strictObject({ uid: z.string().min(1).max(64) });
