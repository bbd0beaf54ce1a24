import { newRecordUid } from '../../db/uid.js';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';
import { AppError, localiseError } from '../../errors.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { diffHousehold, isEmptyDiff, type HouseholdDiff } from '../../../domain/surveys/household-diff.js';
import { type SurveySubmission } from '../../../domain/surveys/schemas.js';
import { recordAudit } from '../audit/record-audit.js';
import {
  closeVersion,
  findCurrent,
  insertVersion,
  isUniqueViolation,
  updateVersion,
  type VersionMeta,
} from '../surveys/versioned.repository.js';
import {
  buildHouseholdViews,
  householdValuesOf,
  memberValuesOf,
  type HouseholdRow,
} from './household-views.js';
import {
  assertCanEdit,
  canCreateHousehold,
  loadHouseholdHamlet,
  type HouseholdHamlet,
} from './households.policy.js';
import {
  assignmentsOf,
  currentMembers,
  everMemberUids,
  findSubmission,
  insertSubmission,
  insertVisit,
  isLocalCodeTaken,
  type Assignment,
} from './households.repository.js';
import type { BatchResult, HouseholdView } from './households.schemas.js';
import type { HouseholdContext } from './households.service.js';
import { fieldErrorsOf, parseSubmission, rejectFields } from './submission-validation.js';
import { householdFields, memberChangeFields, newMemberFields } from './survey-fields.js';

/*
 * Applying one door-to-door survey submission (issue 4 §2–3), all in ONE transaction: the household and member
 * versions, the visit, the submission record that makes replays harmless, and one audit entry. Checks that need
 * no data come first; those that need the household as it stands run inside the transaction, on its connection.
 */

export interface SubmissionOutcome {
  status: 'applied' | 'duplicate';
  household: HouseholdView;
}

/** The instant of a change: now, but strictly after the version it replaces, so every change is a new version. */
function changeInstant(now: Date, current: HouseholdRow | undefined): string {
  const at = now.toISOString();
  if (!current || at > current.validFrom) return at;
  return new Date(Date.parse(current.validFrom) + 1).toISOString();
}

async function duplicateOf(handle: Db, clientId: string): Promise<SubmissionOutcome | null> {
  const stored = await findSubmission(handle.db, clientId);
  if (!stored?.result) return null;
  return { status: 'duplicate', household: JSON.parse(stored.result) as HouseholdView };
}

/** Applies one submission (raw JSON); see SubmissionOutcome. Throws AppError for bad input, scope and conflicts. */
export async function applySubmission(
  handle: Db,
  ctx: HouseholdContext,
  raw: unknown,
): Promise<SubmissionOutcome> {
  const sub = parseSubmission(raw, isoDateInVietnam(ctx.now), ctx.locale);
  const hamlet = await loadHouseholdHamlet(handle, ctx.actor, sub.hamletId, ctx.now);
  const assignments = sub.householdUid
    ? await assignmentsOf(handle, { householdUid: sub.householdUid })
    : new Map<string, Assignment>();
  assertCanEdit(
    ctx.actor,
    hamlet,
    sub.householdUid ? (assignments.get(sub.householdUid)?.userId ?? null) : null,
    ctx.now,
  );
  if (!sub.householdUid) {
    if (!canCreateHousehold(ctx.actor, hamlet)) throw new AppError('FORBIDDEN');
    if (!sub.household)
      rejectFields(fieldErrorsOf([{ path: ['household'], message: 'household_required' }], ctx.locale));
  }
  const duplicate = await duplicateOf(handle, sub.clientId);
  if (duplicate) return duplicate;

  try {
    return await handle.db
      .transaction()
      .execute((trx) => applyInTransaction(trx, ctx, hamlet, sub, assignments));
  } catch (error) {
    // A replay racing this one committed first: whatever this attempt tripped on, the answer is "duplicate".
    const raced = await duplicateOf(handle, sub.clientId);
    if (raced) return raced;
    if (!isUniqueViolation(error)) throw error;
    // Another writer took the code or the version first.
    const code = sub.household?.localCode;
    if (code && (await isLocalCodeTaken(handle.db, hamlet.id, code, sub.householdUid ?? null)))
      throw new AppError('HOUSEHOLD_CODE_TAKEN', {}, { localCode: code });
    throw new AppError('SURVEY_WRITE_CONFLICT');
  }
}

async function applyInTransaction(
  trx: Kysely<Database>,
  ctx: HouseholdContext,
  hamlet: HouseholdHamlet,
  sub: SurveySubmission,
  assignments: Map<string, Assignment>,
): Promise<SubmissionOutcome> {
  // Checked again on the transaction: on SQLite a replay queued behind the first one only sees it from here.
  const stored = await findSubmission(trx, sub.clientId);
  if (stored?.result) return { status: 'duplicate', household: JSON.parse(stored.result) as HouseholdView };
  const viewOf = async (uid: string) => {
    const row = await findCurrent(trx, 'households', uid);
    if (!row) throw new AppError('HOUSEHOLD_NOT_FOUND');
    const [view] = await buildHouseholdViews(
      trx,
      ctx.actor,
      hamlet,
      [row],
      await currentMembers(trx, uid),
      assignments,
    );
    return view;
  };

  const current = sub.householdUid ? await findCurrent(trx, 'households', sub.householdUid) : undefined;
  if (sub.householdUid && !current) throw new AppError('HOUSEHOLD_NOT_FOUND');
  if (current && current.hamletId !== hamlet.id)
    rejectFields(fieldErrorsOf([{ path: ['hamletId'], message: 'other_hamlet' }], ctx.locale));
  if (current && sub.baseVersion && sub.baseVersion !== current.validFrom && !sub.overwrite) {
    // Nothing is written and the clientId is not stored: the member resubmits with overwrite after choosing.
    throw new AppError('SURVEY_CONFLICT', { server: await viewOf(current.uid), submitted: sub });
  }

  const members = current ? await currentMembers(trx, current.uid) : [];
  const memberValues = members.map(memberValuesOf);
  const everUids = current ? await everMemberUids(trx, current.uid) : new Set<string>();
  const currentUids = new Set(memberValues.map((m) => m.uid));
  const diff = diffHousehold(
    {
      household: current ? householdValuesOf(current) : null,
      members: memberValues,
      formerMemberUids: new Set([...everUids].filter((uid) => !currentUids.has(uid))),
    },
    sub,
  );
  if (diff.issues.length > 0) rejectFields(fieldErrorsOf(diff.issues, ctx.locale));

  const localCode = diff.householdChanges.localCode;
  if (localCode !== undefined && localCode !== null) {
    if (await isLocalCodeTaken(trx, hamlet.id, localCode, current?.uid ?? null))
      throw new AppError('HOUSEHOLD_CODE_TAKEN', {}, { localCode });
  }

  const at = changeInstant(ctx.now, current);
  const meta: VersionMeta = { actorId: ctx.actor.id, at, note: 'survey' };
  const uid = current?.uid ?? newRecordUid();
  const written = isEmptyDiff(diff)
    ? null
    : await writeDiff(trx, hamlet.id, uid, current, memberValues, diff, meta);

  if (sub.visit) {
    await insertVisit(trx, {
      uid: newRecordUid(),
      householdUid: uid,
      hamletId: hamlet.id,
      visitorId: ctx.actor.id,
      // Phones send their own offset; one zone keeps "newest first" a plain string order.
      visitedAt: new Date(sub.visit.visitedAt).toISOString(),
      outcome: sub.visit.outcome,
      support: JSON.stringify(sub.visit.support),
      note: sub.visit.note ?? null,
      clientId: sub.clientId,
      createdAt: at,
    });
  }
  // The household left the hamlet: its current version and its members' end here, like a removal, so the
  // hamlet's counts and lists stop including it; the history and the visit stay.
  const movedAway = sub.visit?.outcome === 'moved_away' ? await closeMovedAway(trx, uid, at) : null;
  const view = movedAway ? await closedViewOf(trx, ctx, hamlet, movedAway, assignments) : await viewOf(uid);
  await insertSubmission(trx, {
    clientId: sub.clientId,
    userId: ctx.actor.id,
    receivedAt: ctx.now.toISOString(),
    householdUid: uid,
    result: JSON.stringify(view),
  });
  if (written || sub.visit) {
    await recordAudit(trx, {
      actor: ctx.actor,
      action: current ? 'household.survey' : 'household.create',
      entity: 'household',
      entityId: uid,
      before: written?.before ?? (movedAway && current ? { household: householdValuesOf(current) } : null),
      after: {
        ...(written?.after ?? {}),
        visit: sub.visit ?? null,
        clientId: sub.clientId,
        ...(movedAway ? { closed: 'moved_away', closedMembers: movedAway.members } : {}),
      },
      ip: ctx.ip ?? null,
      at,
    });
  }
  return { status: 'applied', household: view };
}

const MOVED_AWAY = 'moved_away';

/** Closes a household and its current members at `at`, noting why; returns the closed household version. */
async function closeMovedAway(
  trx: Kysely<Database>,
  uid: string,
  at: string,
): Promise<{ household: HouseholdRow; members: string[] }> {
  const members: string[] = [];
  for (const member of await currentMembers(trx, uid)) {
    const closed = await closeVersion(trx, 'residents', member.uid, { at }, MOVED_AWAY);
    if (!closed) throw new AppError('SURVEY_WRITE_CONFLICT');
    members.push(member.uid);
  }
  const household = await closeVersion(trx, 'households', uid, { at }, MOVED_AWAY);
  if (!household) throw new AppError('SURVEY_WRITE_CONFLICT');
  return { household, members };
}

/** The view of a household that has just been closed: its last values, no members any more. */
async function closedViewOf(
  trx: Kysely<Database>,
  ctx: HouseholdContext,
  hamlet: HouseholdHamlet,
  closed: { household: HouseholdRow },
  assignments: Map<string, Assignment>,
): Promise<HouseholdView> {
  const [view] = await buildHouseholdViews(trx, ctx.actor, hamlet, [closed.household], [], assignments);
  return view;
}

/**
 * Writes only what changed. The household gets a new version whenever anything in it changes, members included:
 * its validFrom is the version a phone edits from, so a member edited elsewhere must move it too.
 */
async function writeDiff(
  trx: Kysely<Database>,
  hamletId: number,
  uid: string,
  current: HouseholdRow | undefined,
  memberValues: ReturnType<typeof memberValuesOf>[],
  diff: HouseholdDiff,
  meta: VersionMeta,
) {
  const before: Record<string, unknown> = { members: [] as unknown[] };
  const after: Record<string, unknown> = { changedMembers: [], addedMembers: [], removedMembers: [] };
  if (current) {
    const result = await updateVersion(trx, 'households', uid, householdFields(diff.householdChanges), meta);
    if (!result || result.before.id !== current.id) throw new AppError('SURVEY_WRITE_CONFLICT');
    before.household = householdValuesOf(current);
    after.household = householdValuesOf(result.after);
  } else {
    const created = await insertVersion(
      trx,
      'households',
      uid,
      { hamletId, ...householdFields(diff.householdChanges) } as never,
      meta,
    );
    after.household = householdValuesOf(created);
  }
  const byUid = new Map(memberValues.map((m) => [m.uid, m]));
  for (const { uid: memberUid, changes } of diff.changedMembers) {
    const existing = byUid.get(memberUid)!;
    const result = await updateVersion(
      trx,
      'residents',
      memberUid,
      memberChangeFields(existing, changes),
      meta,
    );
    if (!result) throw new AppError('SURVEY_WRITE_CONFLICT');
    (before.members as unknown[]).push(existing);
    (after.changedMembers as unknown[]).push({ uid: memberUid, ...changes });
  }
  for (const member of [...diff.addedMembers, ...diff.revivedMembers]) {
    const memberUid = 'uid' in member && member.uid ? member.uid : newRecordUid();
    await insertVersion(trx, 'residents', memberUid, newMemberFields(member, uid, hamletId), meta);
    (after.addedMembers as unknown[]).push({ ...member, uid: memberUid });
  }
  for (const removal of diff.removedMembers) {
    // The closed version says why it ended: moved away, died…
    const closed = await closeVersion(trx, 'residents', removal.uid, meta, removal.reason);
    if (!closed) throw new AppError('SURVEY_WRITE_CONFLICT');
    (before.members as unknown[]).push(byUid.get(removal.uid));
    (after.removedMembers as unknown[]).push(removal);
  }
  return { before, after };
}

/**
 * Applies each submission in its own transaction and reports each outcome; one bad or conflicting submission
 * never stops the others. Unexpected faults still fail the request: the phone replays, and replays are harmless.
 */
export async function applyBatch(
  handle: Db,
  ctx: HouseholdContext,
  items: unknown[],
): Promise<{ results: BatchResult[] }> {
  const results: BatchResult[] = [];
  for (const raw of items) {
    const clientId =
      typeof raw === 'object' && raw !== null && typeof (raw as { clientId?: unknown }).clientId === 'string'
        ? (raw as { clientId: string }).clientId
        : null;
    try {
      const outcome = await applySubmission(handle, ctx, raw);
      results.push({ clientId, status: outcome.status, household: outcome.household });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = localiseError(error.code, ctx.locale, error.params);
      if (error.code === 'SURVEY_CONFLICT') {
        const { server } = error.details as { server: HouseholdView };
        results.push({
          clientId,
          status: 'conflict',
          server,
          error: { code: error.code, message, details: {} },
        });
      } else {
        results.push({
          clientId,
          status: 'rejected',
          error: { code: error.code, message, details: error.details },
        });
      }
    }
  }
  return { results };
}
