import { z } from 'zod';
import { parseDateVi } from '../../../domain/text/format.js';
import { blankAsAbsent } from '../../../domain/users/schemas.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
import { lang } from '../../http/route-schemas.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A day ('yyyy-MM-dd', read as a Vietnamese calendar day) or an exact ISO timestamp. */
const DayOrInstantSchema = z.union([
  z
    .string()
    .regex(ISO_DATE)
    .refine((day) => parseDateVi(day) !== null, 'Not a calendar date'),
  z.iso.datetime({ offset: true }),
]);

export const AUDIT_PAGE_SIZE_MAX = 200;

export const AuditQuerySchema = z.strictObject({
  entity: blankAsAbsent(z.string().max(50)),
  entityId: blankAsAbsent(z.string().max(100)),
  actorId: blankAsAbsent(RowIdParam),
  action: blankAsAbsent(z.string().max(100)),
  /** Inclusive: a day means from its first moment. */
  from: blankAsAbsent(DayOrInstantSchema),
  /** Inclusive: a day means up to its last moment. */
  to: blankAsAbsent(DayOrInstantSchema),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(AUDIT_PAGE_SIZE_MAX).default(50),
  lang,
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  /** The actor's username at the time; null for the system and for failed logins. */
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditListSchema = z.object({
  items: z.array(AuditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditList = z.infer<typeof AuditListSchema>;
