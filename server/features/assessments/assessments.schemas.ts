import { z } from 'zod';

/** A real calendar date written yyyy-MM-dd (31/02 is refused, not rolled over). */
export const IsoDateSchema = z.iso.date();
