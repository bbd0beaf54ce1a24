import { z } from 'zod';
import { IsoDateSchema } from '../admin-units/schemas.js';
import { formatDateVi } from '../text/format.js';
import { RowIdSchema } from '../ids/row-id.js';

/*
 * Inputs of the community digital team screens (issue 4 §1, §4), shared by the server routes and the web forms.
 * Limits are named constants so both sides refuse the same things.
 */

export const DECISION_NO_MAX = 100;
export const TOPIC_MAX = 300;
/** More uids than a hamlet has households is a client bug, not a request to honour. */
export const ASSIGN_UIDS_MAX = 5000;
export const SESSION_HAMLETS_MAX = 50;
export const SESSION_HOUSEHOLDS_MAX = 5000;
export const ATTENDEES_MAX = 100_000;

/** Roles a team member account may have (the hamlet head leads the team, DOMAIN.md §1). */
export const TEAM_MEMBER_ROLES = ['team_member', 'hamlet_head'] as const;

/** The founding decision of a hamlet's team (AWR-2's evidence). */
export const TeamInputSchema = z.strictObject({
  decisionNo: z.string().trim().min(1).max(DECISION_NO_MAX),
  decisionDate: IsoDateSchema,
});
export type TeamInput = z.infer<typeof TeamInputSchema>;

export const TeamMemberInputSchema = z.strictObject({ userId: RowIdSchema });
export type TeamMemberInput = z.infer<typeof TeamMemberInputSchema>;

/** Assign households to one member, either a hand-picked list or every current household of one street. */
export const AssignmentInputSchema = z
  .strictObject({
    memberUserId: RowIdSchema,
    householdUids: z.array(z.string().min(1).max(64)).min(1).max(ASSIGN_UIDS_MAX).optional(),
    street: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((input, ctx) => {
    const given = Number(input.householdUids !== undefined) + Number(input.street !== undefined);
    if (given !== 1) {
      ctx.addIssue({ code: 'custom', path: ['householdUids'], message: 'give_household_uids_or_street' });
    }
  });
export type AssignmentInput = z.infer<typeof AssignmentInputSchema>;

export const OUTREACH_KINDS = ['outreach', 'training', 'support_day'] as const;
export const OutreachKindSchema = z.enum(OUTREACH_KINDS);

/**
 * An outreach, training or support-day session. `hamletIds` lists further hamlets it served (the hamlet of the
 * URL is always included); `householdUids` are households reached, which are then marked reachedByOutreach (AWR-1).
 */
export const OutreachSessionInputSchema = z.strictObject({
  heldOn: IsoDateSchema,
  kind: OutreachKindSchema,
  topic: z.string().trim().min(1).max(TOPIC_MAX),
  attendees: z.number().int().min(0).max(ATTENDEES_MAX),
  hamletIds: z.array(RowIdSchema).max(SESSION_HAMLETS_MAX).optional(),
  householdUids: z.array(z.string().min(1).max(64)).max(SESSION_HOUSEHOLDS_MAX).optional(),
});
export type OutreachSessionInput = z.infer<typeof OutreachSessionInputSchema>;

/**
 * The evidence text of the hamlet fact digitalTeam, as officials write it: "Quyết định số 12/QĐ-UBND ngày
 * 05/03/2025". The wording is the form of an administrative decision reference (Decree 30/2020/NĐ-CP, Annex I).
 */
export function teamDecisionEvidence(decisionNo: string, decisionDate: string): string {
  return `Quyết định số ${decisionNo} ngày ${formatDateVi(decisionDate)}`;
}
