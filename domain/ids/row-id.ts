import { z } from 'zod';

/**
 * Row ids are `serial` (32-bit) columns on PostgreSQL. A larger number can name no row, and PostgreSQL refuses to
 * compare it with an integer column at all (a 500), while SQLite silently finds nothing; so both engines refuse it
 * up front as bad input.
 */
export const MAX_ROW_ID = 2_147_483_647;

/** A row id in a JSON body. */
export const RowIdSchema = z.number().int().positive().max(MAX_ROW_ID);

/** A row id in a path or query string, where it arrives as text. */
export const RowIdParam = z.coerce.number().int().positive().max(MAX_ROW_ID);
