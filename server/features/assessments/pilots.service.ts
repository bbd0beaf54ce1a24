import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireRole } from '../../policies/actor.js';
import { assertUnitInScope } from '../../policies/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import * as repo from './assessments.repository.js';
import type { ScoreContext } from './assessments.service.js';
import { findSetInForce } from '../criteria-sets/criteria-sets.repository.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import type { CriteriaSetDefinition } from '../../../domain/criteria/index.js';

/** The brief: each ward or commune picks 1 to 2 pilot hamlets. A setting, so a city can change it. */
export const DEFAULT_PILOT_LIMIT = 2;

/**
 * The pilot limit in force: the city's own setting when a city admin has set one, else the `pilotLimit` parameter
 * of the criteria set in force today, else the brief's 2.
 */
export async function pilotLimit(handle: Db, now: Date): Promise<number> {
  const value = await repo.readSetting(handle.db, 'pilotLimit');
  if (value !== undefined) return Number(value);
  const set = await findSetInForce(handle.db, isoDateInVietnam(now));
  const fromSet = set
    ? (JSON.parse(set.definition) as CriteriaSetDefinition).parameters?.pilotLimit
    : undefined;
  return fromSet ?? DEFAULT_PILOT_LIMIT;
}

export async function setPilotLimit(handle: Db, ctx: ScoreContext, limit: number): Promise<number> {
  const actor = requireRole(ctx.actor, 'city_admin');
  const at = ctx.now.toISOString();
  await handle.db.transaction().execute(async (trx) => {
    const before = await repo.readSetting(trx, 'pilotLimit');
    await repo.writeSetting(trx, 'pilotLimit', String(limit), at);
    await recordAudit(trx, {
      actor,
      action: 'setting.update',
      entity: 'setting',
      entityId: 'pilotLimit',
      before: before ?? null,
      after: String(limit),
      at,
    });
  });
  return limit;
}

async function loadWard(handle: Db, ctx: ScoreContext, wardId: number) {
  const ward = await repo.findUnit(handle.db, wardId);
  if (!ward) throw new AppError('UNIT_NOT_FOUND');
  await assertUnitInScope(handle, ctx.actor!, wardId);
  if (ward.level !== 'commune') throw new AppError('UNIT_NOT_COMMUNE');
  return ward;
}

export async function listWardPilots(handle: Db, ctx: ScoreContext, wardId: number) {
  requireRole(ctx.actor, 'city_admin', 'commune_officer', 'hamlet_head', 'team_member', 'viewer');
  await loadWard(handle, ctx, wardId);
  const canEdit = ctx.actor!.role === 'city_admin' || ctx.actor!.role === 'commune_officer';
  return {
    limit: await pilotLimit(handle, ctx.now),
    items: await repo.listPilots(handle.db, wardId),
    abilities: { canEdit },
  };
}

/** Marks a hamlet of the ward as a pilot; refused past the limit, and for a hamlet of another ward. */
export async function markPilot(handle: Db, ctx: ScoreContext, wardId: number, hamletId: number) {
  const actor = requireRole(ctx.actor, 'city_admin', 'commune_officer');
  await loadWard(handle, ctx, wardId);
  const hamlet = await repo.findUnit(handle.db, hamletId);
  if (!hamlet) throw new AppError('UNIT_NOT_FOUND');
  await assertUnitInScope(handle, actor, hamletId);
  if (hamlet.level !== 'hamlet') throw new AppError('UNIT_NOT_HAMLET');
  if (hamlet.parentId !== wardId || hamlet.validTo !== null) throw new AppError('PILOT_NOT_IN_WARD');
  const limit = await pilotLimit(handle, ctx.now);
  const at = ctx.now.toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const current = await repo.listPilots(trx, wardId);
    if (current.some((p) => p.hamletId === hamletId)) throw new AppError('PILOT_ALREADY_MARKED');
    if (current.length >= limit)
      throw new AppError(
        'PILOT_LIMIT_REACHED',
        { limit, current: current.map((p) => p.hamletId) },
        { limit },
      );
    await repo.insertPilot(trx, { hamletId, wardId, markedBy: actor.id, markedAt: at });
    await recordAudit(trx, {
      actor,
      action: 'pilot.mark',
      entity: 'pilot_hamlet',
      entityId: hamletId,
      after: { wardId, hamletId },
      at,
    });
    return { items: await repo.listPilots(trx, wardId), limit };
  });
}

export async function unmarkPilot(handle: Db, ctx: ScoreContext, wardId: number, hamletId: number) {
  const actor = requireRole(ctx.actor, 'city_admin', 'commune_officer');
  await loadWard(handle, ctx, wardId);
  const at = ctx.now.toISOString();
  // Read outside the transaction: on SQLite a query on another handle would wait for the transaction forever.
  const limit = await pilotLimit(handle, ctx.now);
  return handle.db.transaction().execute(async (trx) => {
    const current = await repo.listPilots(trx, wardId);
    if (!current.some((p) => p.hamletId === hamletId)) throw new AppError('PILOT_NOT_FOUND');
    await repo.deletePilot(trx, hamletId);
    await recordAudit(trx, {
      actor,
      action: 'pilot.unmark',
      entity: 'pilot_hamlet',
      entityId: hamletId,
      before: { wardId, hamletId },
      at,
    });
    return { items: await repo.listPilots(trx, wardId), limit };
  });
}
