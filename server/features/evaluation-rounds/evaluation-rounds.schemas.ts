import { z } from 'zod';
import { IsoDateSchema } from '../assessments/assessments.schemas.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
import { lang } from '../../http/route-schemas.js';

export { LangQuerySchema as LangQuery, IdParamsSchema as RoundParams } from '../../http/route-schemas.js';
const Id = RowIdParam;
export const WardParams = z.strictObject({ id: Id, wardId: Id });
export const EvidenceParams = z.strictObject({ id: Id, evidenceId: Id });
export const WardEvidenceParams = z.strictObject({ id: Id, wardId: Id, evidenceId: Id });

export const CreateRoundBody = z.strictObject({
  name: z.string().trim().min(3).max(200),
  assessmentDate: IsoDateSchema,
  criteriaSetId: Id,
  deadline: IsoDateSchema,
  wardIds: z.array(Id).min(1).max(500),
});

export const SubmitBody = z.strictObject({ note: z.string().trim().max(2000).optional() });
/** The length rule is checked in the service too, so the error names the field with this feature's own code. */
export const ReturnBody = z.strictObject({ comment: z.string().max(2000) });
export const ApproveBody = z.strictObject({ comment: z.string().max(2000).optional() });

export const ReportQuery = z.strictObject({ wardId: Id.optional(), lang });
