import { newRecordUid } from '../../db/uid.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { closeAudited, updateAudited, versionAuditSnapshot } from './audited-versions.js';
import { asOfInstant } from './as-of.js';
import { blankToNull, changedFields, fromFlag, toFlag } from './record-changes.js';
import { loadSurveyHamlet, type SurveyContext } from './survey-hamlet.js';
import { surveyAbilities, type SurveyHamlet } from './surveys.policy.js';
import type { WifiPointInput, WifiPointPatch, WifiPointView } from './surveys.schemas.js';
import {
  asOf,
  findCurrent,
  history,
  insertVersion,
  listCurrent,
  userNames,
  type RecordFields,
  type VersionRow,
} from './versioned.repository.js';

type WifiRow = VersionRow<'wifiPoints'>;
type WifiFields = RecordFields<'wifiPoints'>;

function toView(
  row: WifiRow,
  names: Map<number, string>,
  hamlet: SurveyHamlet,
  ctx: SurveyContext,
): WifiPointView {
  return {
    uid: row.uid,
    hamletId: row.hamletId,
    name: row.name,
    lat: Number(row.lat),
    lng: Number(row.lng),
    isWorking: fromFlag(row.isWorking),
    provider: row.provider,
    changedBy: row.changedBy,
    changedByName: row.changedBy === null ? null : (names.get(row.changedBy) ?? null),
    changeNote: row.changeNote,
    validFrom: row.validFrom,
    validTo: row.validTo,
    abilities: surveyAbilities(ctx.actor, hamlet),
  };
}

async function viewOf(
  handle: Db,
  row: WifiRow,
  hamlet: SurveyHamlet,
  ctx: SurveyContext,
): Promise<WifiPointView> {
  return toView(row, await userNames(handle.db, [row.changedBy]), hamlet, ctx);
}

/** What the audit log keeps of a wifi point version. */
/** The current point and its hamlet, checked for the purpose; 404 when the point does not exist or was removed. */
async function loadPoint(handle: Db, ctx: SurveyContext, uid: string, purpose: 'read' | 'write') {
  const current = await findCurrent(handle.db, 'wifiPoints', uid);
  if (!current) throw new AppError('SURVEY_RECORD_NOT_FOUND');
  const hamlet = await loadSurveyHamlet(handle, ctx, current.hamletId, purpose);
  return { current, hamlet };
}

/** A hamlet's wifi points now, or as they stood at `asOfText` (a day or an ISO timestamp). */
export async function listWifiPoints(handle: Db, ctx: SurveyContext, hamletId: number, asOfText?: string) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'read');
  const at = asOfText ? asOfInstant(asOfText) : null;
  const rows = at
    ? await asOf(handle.db, 'wifiPoints', hamlet.id, at)
    : await listCurrent(handle.db, 'wifiPoints', [hamlet.id]);
  const names = await userNames(
    handle.db,
    rows.map((r) => r.changedBy),
  );
  return {
    hamletId: hamlet.id,
    asOf: at,
    items: rows.map((r) => toView(r, names, hamlet, ctx)),
    abilities: surveyAbilities(ctx.actor, hamlet),
  };
}

/** Every version of one wifi point (including a removed one), oldest first. */
export async function listWifiPointHistory(handle: Db, ctx: SurveyContext, uid: string) {
  const rows = await history(handle.db, 'wifiPoints', uid);
  if (rows.length === 0) throw new AppError('SURVEY_RECORD_NOT_FOUND');
  const hamlet = await loadSurveyHamlet(handle, ctx, rows[0].hamletId, 'read');
  const names = await userNames(
    handle.db,
    rows.map((r) => r.changedBy),
  );
  return { items: rows.map((r) => toView(r, names, hamlet, ctx)) };
}

/** Records a new free wifi point (INF-3) in a hamlet, audit-logged in the same transaction. */
export async function createWifiPoint(
  handle: Db,
  ctx: SurveyContext,
  hamletId: number,
  input: WifiPointInput,
): Promise<WifiPointView> {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'write');
  const at = ctx.now.toISOString();
  const fields: WifiFields = {
    hamletId: hamlet.id,
    name: input.name,
    lat: input.lat,
    lng: input.lng,
    isWorking: toFlag(input.isWorking),
    provider: blankToNull(input.provider),
  };
  const row = await handle.db.transaction().execute(async (trx) => {
    const created = await insertVersion(trx, 'wifiPoints', newRecordUid(), fields, {
      actorId: ctx.actor.id,
      at,
      note: blankToNull(input.changeNote),
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'wifi_point.create',
      entity: 'wifi_point',
      entityId: created.uid,
      after: versionAuditSnapshot(created),
      ip: ctx.ip ?? null,
      at,
    });
    return created;
  });
  return viewOf(handle, row, hamlet, ctx);
}

/**
 * Changes a wifi point: the current version is closed and a new one recorded. A patch that changes nothing
 * records nothing. A point changed or removed by someone else meanwhile is a 409, never a silent overwrite.
 */
export async function updateWifiPoint(
  handle: Db,
  ctx: SurveyContext,
  uid: string,
  patch: WifiPointPatch,
): Promise<WifiPointView> {
  const { current, hamlet } = await loadPoint(handle, ctx, uid, 'write');
  const candidate: Partial<WifiFields> = {
    name: patch.name,
    lat: patch.lat,
    lng: patch.lng,
    isWorking: patch.isWorking === undefined ? undefined : toFlag(patch.isWorking),
    provider: patch.provider === undefined ? undefined : blankToNull(patch.provider),
  };
  const changes = changedFields<Partial<WifiFields>>(current, candidate);
  if (Object.keys(changes).length === 0) return viewOf(handle, current, hamlet, ctx);
  const after = await updateAudited(handle, ctx, 'wifiPoints', uid, changes, current.id, {
    entity: 'wifi_point',
    note: blankToNull(patch.changeNote),
  });
  return viewOf(handle, after, hamlet, ctx);
}

/** Removes a wifi point: its current version is closed now; its history stays for "as of" reads. */
export async function deleteWifiPoint(
  handle: Db,
  ctx: SurveyContext,
  uid: string,
  note?: string,
): Promise<void> {
  await loadPoint(handle, ctx, uid, 'write');
  await closeAudited(handle, ctx, 'wifiPoints', uid, { entity: 'wifi_point', note });
}
