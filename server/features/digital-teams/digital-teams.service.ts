import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/tables.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { scopeUnitIds } from '../../policies/scope.js';
import { TEAM_MEMBER_ROLES, type TeamInput } from '../../../domain/surveys/teams.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadSurveyHamlet, type SurveyContext } from '../surveys/survey-hamlet.js';
import type { SurveyHamlet } from '../surveys/surveys.policy.js';
import { assertCanEditTeam, canEditTeam } from './digital-teams.policy.js';
import {
  closeMembership,
  deleteMemberAssignments,
  findCurrentMembership,
  findTeamByHamlet,
  findUserForTeam,
  insertMembership,
  insertTeam,
  listTeamMembers,
  updateTeamDecision,
  userScopeUnitIds,
} from './digital-teams.repository.js';
import { syncDigitalTeamFact } from './team-fact.js';

type TeamRow = NonNullable<Awaited<ReturnType<typeof findTeamByHamlet>>>;

async function teamView(db: Kysely<Database>, team: TeamRow | undefined) {
  if (!team) return null;
  const members = await listTeamMembers(db, team.id);
  return {
    id: team.id,
    decisionNo: team.decisionNo,
    decisionDate: team.decisionDate,
    members: members.map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      username: m.username,
      joinedAt: m.joinedAt,
      leftAt: m.leftAt,
    })),
  };
}

async function reply(handle: Db, ctx: SurveyContext, hamlet: SurveyHamlet) {
  const team = await findTeamByHamlet(handle.db, hamlet.id);
  return { team: await teamView(handle.db, team), abilities: { canEdit: canEditTeam(ctx.actor, hamlet) } };
}

/** Loads the hamlet for a team change: in scope, current, and the actor is an officer or admin. */
async function loadForEdit(handle: Db, ctx: SurveyContext, hamletId: number) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'write');
  assertCanEditTeam(ctx.actor);
  return hamlet;
}

async function currentMemberNames(trx: Kysely<Database>, teamId: number): Promise<string[]> {
  return (await listTeamMembers(trx, teamId)).filter((m) => m.leftAt === null).map((m) => m.displayName);
}

/** A hamlet's team with every member past and present, or null when none was set up. */
export async function getTeam(handle: Db, ctx: SurveyContext, hamletId: number) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'read');
  return reply(handle, ctx, hamlet);
}

/**
 * Records the team's founding decision (creating the team if needed), audit-logged, and sets the hamlet fact
 * digitalTeam with the decision as evidence in the same transaction.
 */
export async function setTeam(handle: Db, ctx: SurveyContext, hamletId: number, input: TeamInput) {
  const hamlet = await loadForEdit(handle, ctx, hamletId);
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const before = await findTeamByHamlet(trx, hamlet.id);
    const values = { decisionNo: input.decisionNo, decisionDate: input.decisionDate, at };
    const after = before
      ? await updateTeamDecision(trx, before.id, values)
      : await insertTeam(trx, { hamletId: hamlet.id, ...values });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: before ? 'digital_team.update' : 'digital_team.create',
      entity: 'digital_team',
      entityId: after.id,
      before,
      after,
      ip: ctx.ip ?? null,
      at,
    });
    await syncDigitalTeamFact(trx, ctx, hamlet.id, after, await currentMemberNames(trx, after.id));
  });
  return reply(handle, ctx, hamlet);
}

/** Whether the user's own scope covers the hamlet: a member from another ward could not reach its households. */
async function userCoversHamlet(
  handle: Db,
  user: { id: number; username: string; displayName: string },
  hamletId: number,
) {
  const scopeIds = await userScopeUnitIds(handle.db, user.id);
  const asActor: Actor = {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: 'team_member',
    scopeUnitIds: scopeIds,
    isUnlimited: false,
    sessionId: '',
  };
  const ids = await scopeUnitIds(handle, asActor);
  return ids === null || ids.has(hamletId);
}

/**
 * Adds a user to the hamlet's team (creating a team without a decision yet if there is none). The user must be
 * an active team_member or hamlet_head account whose scope covers the hamlet (400 otherwise).
 */
export async function addMember(handle: Db, ctx: SurveyContext, hamletId: number, userId: number) {
  const hamlet = await loadForEdit(handle, ctx, hamletId);
  const user = await findUserForTeam(handle.db, userId);
  if (!user || user.isActive !== 1) throw new AppError('USER_NOT_FOUND');
  if (!(TEAM_MEMBER_ROLES as readonly string[]).includes(user.role)) {
    throw new AppError('TEAM_MEMBER_ROLE_INVALID', { userId, role: user.role });
  }
  if (!(await userCoversHamlet(handle, user, hamlet.id))) {
    throw new AppError('TEAM_MEMBER_NOT_IN_HAMLET', { userId });
  }
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const team =
      (await findTeamByHamlet(trx, hamlet.id)) ??
      (await insertTeam(trx, { hamletId: hamlet.id, decisionNo: null, decisionDate: null, at }));
    if (await findCurrentMembership(trx, team.id, userId))
      throw new AppError('TEAM_MEMBER_ALREADY', { userId });
    const membership = await insertMembership(trx, team.id, userId, at);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'digital_team.member_join',
      entity: 'digital_team',
      entityId: team.id,
      after: { ...membership, username: user.username },
      ip: ctx.ip ?? null,
      at,
    });
    await syncDigitalTeamFact(trx, ctx, hamlet.id, team, await currentMemberNames(trx, team.id));
  });
  return reply(handle, ctx, hamlet);
}

/**
 * Records that a member left the team: the membership keeps its history (leftAt set), and the households
 * assigned to them become unassigned, so coverage shows who still needs a visitor.
 */
export async function leaveMember(handle: Db, ctx: SurveyContext, hamletId: number, userId: number) {
  const hamlet = await loadForEdit(handle, ctx, hamletId);
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const team = await findTeamByHamlet(trx, hamlet.id);
    const membership = team && (await findCurrentMembership(trx, team.id, userId));
    if (!team || !membership) throw new AppError('TEAM_MEMBER_NOT_FOUND', { userId });
    await closeMembership(trx, membership.id, at);
    const unassigned = await deleteMemberAssignments(trx, hamlet.id, userId);
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'digital_team.member_leave',
      entity: 'digital_team',
      entityId: team.id,
      before: membership,
      after: { ...membership, leftAt: at, unassignedHouseholds: unassigned },
      ip: ctx.ip ?? null,
      at,
    });
    await syncDigitalTeamFact(trx, ctx, hamlet.id, team, await currentMemberNames(trx, team.id));
  });
  return reply(handle, ctx, hamlet);
}
