import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { requireActor, requireRole } from '../../policies/actor.js';
import { assertUnitInScope, scopeUnitIds } from '../../policies/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import { asOfInstant } from '../surveys/as-of.js';
import type { CriteriaSetDefinition } from '../../../domain/criteria/index.js';
import { isoDateInVietnam as todayIn } from '../../../domain/admin-units/dates.js';
import * as setsRepo from '../criteria-sets/criteria-sets.repository.js';
import * as repo from './assessments.repository.js';
import { scoreHamlets, type ScoreRun } from './score-hamlets.js';

export interface ScoreContext {
  actor: Actor | null;
  now: Date;
}

/** The unit as it was on the date, in scope, or the right error: 404 unknown, 403 out of scope, 400 not yet/no longer existing. */
export async function loadUnitOn(handle: Db, actor: Actor, unitId: number, date: string) {
  const unit = await repo.findUnit(handle.db, unitId);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  await assertUnitInScope(handle, actor, unitId);
  const onDate = await repo.findUnitOn(handle.db, unitId, date);
  if (!onDate)
    throw new AppError(
      'UNIT_NOT_VALID_ON_DATE',
      { validFrom: unit.validFrom, validTo: unit.validTo },
      { date },
    );
  return onDate;
}

/** The criteria set asked for, or the published one in force on the date. */
export async function resolveSet(handle: Db, date: string, criteriaSetId?: number) {
  const row = criteriaSetId
    ? await setsRepo.findCriteriaSet(handle.db, criteriaSetId)
    : await setsRepo.findSetInForce(handle.db, date);
  if (!row)
    throw criteriaSetId
      ? new AppError('CRITERIA_SET_NOT_FOUND')
      : new AppError('NO_CRITERIA_SET_FOR_DATE', {}, { date });
  return { row, definition: JSON.parse(row.definition) as CriteriaSetDefinition };
}

/** Hamlets making up the unit on the date: itself for a hamlet, else every hamlet below it that day. */
async function hamletsOf(handle: Db, unit: repo.UnitAt, date: string): Promise<repo.UnitAt[]> {
  if (unit.level === 'hamlet') return [unit];
  return (await repo.descendantsOn(handle.db, unit.id, date)).filter((u) => u.level === 'hamlet');
}

/** Past dates read the data as it stood at the end of that day; today and later read the current data. */
export function dataInstant(date: string, now: Date): string | null {
  return date >= todayIn(now) ? null : asOfInstant(date);
}

export interface Scorecard {
  unit: repo.UnitAt;
  date: string;
  criteriaSet: { id: number; code: string; version: number; name: string };
  run: ScoreRun;
  hamlets: repo.UnitAt[];
}

/** Scores a hamlet, ward or city on a date, live (nothing stored). */
export async function computeScorecard(
  handle: Db,
  ctx: ScoreContext,
  unitId: number,
  dateIn?: string,
  criteriaSetId?: number,
): Promise<Scorecard> {
  const actor = requireActor(ctx.actor);
  const date = dateIn ?? todayIn(ctx.now);
  const unit = await loadUnitOn(handle, actor, unitId, date);
  const { row, definition } = await resolveSet(handle, date, criteriaSetId);
  const hamlets = await hamletsOf(handle, unit, date);
  const run = await scoreHamlets(
    handle.db,
    definition,
    date,
    hamlets.map((h) => h.id),
    dataInstant(date, ctx.now),
  );
  return {
    unit,
    date,
    criteriaSet: { id: row.id, code: row.code, version: row.version, name: row.name },
    run,
    hamlets,
  };
}

/** The wards (communes) of the caller's city on a date: scope units that are communes, and communes below the others. */
export async function wardsInScope(
  handle: Db,
  actor: Actor,
  date: string,
  rootId?: number,
): Promise<repo.UnitAt[]> {
  const roots = rootId
    ? [rootId]
    : actor.isUnlimited
      ? await repo.provinceIdsOn(handle.db, date)
      : actor.scopeUnitIds;
  if (rootId) await assertUnitInScope(handle, actor, rootId);
  const found = new Map<number, repo.UnitAt>();
  for (const root of roots) {
    const self = await repo.findUnitOn(handle.db, root, date);
    if (!self) continue;
    if (self.level === 'commune') found.set(self.id, self);
    for (const u of await repo.descendantsOn(handle.db, root, date))
      if (u.level === 'commune') found.set(u.id, u);
  }
  return [...found.values()];
}

function fingerprintOf(setId: number, run: ScoreRun): string {
  const input = JSON.stringify({ setId, hamlets: run.hamlets.map((h) => [h.hamletId, h.counters, h.facts]) });
  return createHash('sha256').update(input).digest('hex');
}

/**
 * Computes and stores a snapshot for a unit and date. The same inputs (data, facts, criteria version) give the
 * same fingerprint, so recomputing returns the stored snapshot instead of adding a duplicate. A snapshot is never
 * updated afterwards: later data or criteria changes make new snapshots.
 */
export async function recordAssessment(
  handle: Db,
  ctx: ScoreContext,
  input: { unitId: number; date: string; criteriaSetId?: number },
) {
  const actor = requireRole(ctx.actor, 'city_admin', 'commune_officer', 'hamlet_head');
  const card = await computeScorecard(
    handle,
    { ...ctx, actor },
    input.unitId,
    input.date,
    input.criteriaSetId,
  );
  const fingerprint = fingerprintOf(card.criteriaSet.id, card.run);
  const at = ctx.now.toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const existing = await repo.findSnapshot(trx, input.unitId, card.date, card.criteriaSet.id, fingerprint);
    if (existing) return { created: false, snapshot: existing };
    const summary = card.unit.level === 'hamlet' ? card.run.hamlets[0].result.overall : null;
    const result =
      card.unit.level === 'hamlet'
        ? { kind: 'hamlet' as const, result: card.run.hamlets[0].result }
        : {
            kind: 'rollup' as const,
            rollup: card.run.rollup,
            hamlets: card.run.hamlets.map((h) => ({ hamletId: h.hamletId, overall: h.result.overall })),
          };
    const id = await repo.insertSnapshot(trx, {
      unitId: input.unitId,
      assessmentDate: card.date,
      criteriaSetId: card.criteriaSet.id,
      fingerprint,
      meetsStandard: summary
        ? Number(summary.meetsStandard)
        : Number(card.run.rollup.hamletsMeetingStandard > 0),
      met: summary ? summary.met : card.run.rollup.hamletsMeetingStandard,
      applicable: summary ? summary.applicable : card.run.rollup.hamlets,
      result: JSON.stringify(result),
      counters: JSON.stringify(Object.fromEntries(card.run.hamlets.map((h) => [h.hamletId, h.counters]))),
      computedAt: at,
      computedBy: actor.id,
    });
    await recordAudit(trx, {
      actor,
      action: 'assessment.record',
      entity: 'assessment',
      entityId: id,
      after: { unitId: input.unitId, date: card.date, criteriaSetId: card.criteriaSet.id },
      at,
    });
    return { created: true, snapshot: (await repo.findSnapshotById(trx, id))! };
  });
}

export async function assessmentHistory(handle: Db, ctx: ScoreContext, unitId: number) {
  const actor = requireActor(ctx.actor);
  if (!(await repo.findUnit(handle.db, unitId))) throw new AppError('UNIT_NOT_FOUND');
  await assertUnitInScope(handle, actor, unitId);
  return repo.listSnapshots(handle.db, unitId);
}

export async function getAssessment(handle: Db, ctx: ScoreContext, id: number) {
  const actor = requireActor(ctx.actor);
  const snapshot = await repo.findSnapshotById(handle.db, id);
  if (!snapshot) throw new AppError('ASSESSMENT_NOT_FOUND');
  const ids = await scopeUnitIds(handle, actor);
  if (ids && !ids.has(snapshot.unitId)) throw new AppError('UNIT_NOT_IN_SCOPE');
  return snapshot;
}
