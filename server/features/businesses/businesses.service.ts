import { newRecordUid } from '../../db/uid.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import {
  platformsFromText,
  platformsToText,
  type BusinessInput,
  type BusinessPatch,
} from '../../../domain/surveys/businesses.js';
import { recordAudit } from '../audit/record-audit.js';
import { closeAudited, updateAudited, versionAuditSnapshot } from '../surveys/audited-versions.js';
import { blankToNull, changedFields, fromFlag, toFlag } from '../surveys/record-changes.js';
import { loadSurveyHamlet, type SurveyContext } from '../surveys/survey-hamlet.js';
import { canWriteSurvey, type SurveyHamlet } from '../surveys/surveys.policy.js';
import {
  findCurrent,
  insertVersion,
  listCurrent,
  userNames,
  type RecordFields,
  type VersionRow,
} from '../surveys/versioned.repository.js';
import type { BusinessView } from './businesses.schemas.js';

type BusinessRow = VersionRow<'businesses'>;
type BusinessFields = RecordFields<'businesses'>;

function toView(
  row: BusinessRow,
  names: Map<number, string>,
  hamlet: SurveyHamlet,
  ctx: SurveyContext,
): BusinessView {
  return {
    uid: row.uid,
    hamletId: row.hamletId,
    name: row.name,
    kind: row.kind,
    acceptsCashless: fromFlag(row.acceptsCashless),
    ecommerceEligible: fromFlag(row.ecommerceEligible),
    listedOnline: fromFlag(row.listedOnline),
    platforms: platformsFromText(row.platforms),
    ocopStars: row.ocopStars === null ? null : Number(row.ocopStars),
    traceability: fromFlag(row.traceability),
    isFarmProduct: Number(row.isFarmProduct) === 1,
    changedBy: row.changedBy,
    changedByName: row.changedBy === null ? null : (names.get(row.changedBy) ?? null),
    changeNote: row.changeNote,
    validFrom: row.validFrom,
    validTo: row.validTo,
    abilities: { canEdit: canWriteSurvey(ctx.actor, hamlet) },
  };
}

async function viewOf(handle: Db, row: BusinessRow, hamlet: SurveyHamlet, ctx: SurveyContext) {
  return toView(row, await userNames(handle.db, [row.changedBy]), hamlet, ctx);
}

/** What the audit log keeps of a business version. */
/** The stored form of the fields a write sets; undefined entries are left as they are. */
function toFields(input: Partial<BusinessInput>): Partial<BusinessFields> {
  return {
    name: input.name,
    kind: input.kind,
    acceptsCashless: input.acceptsCashless === undefined ? undefined : toFlag(input.acceptsCashless),
    ecommerceEligible: input.ecommerceEligible === undefined ? undefined : toFlag(input.ecommerceEligible),
    listedOnline: input.listedOnline === undefined ? undefined : toFlag(input.listedOnline),
    platforms: input.platforms === undefined ? undefined : platformsToText(input.platforms),
    ocopStars: input.ocopStars,
    traceability: input.traceability === undefined ? undefined : toFlag(input.traceability),
    isFarmProduct: input.isFarmProduct === undefined ? undefined : input.isFarmProduct ? 1 : 0,
  };
}

async function loadBusiness(handle: Db, ctx: SurveyContext, uid: string, purpose: 'read' | 'write') {
  const current = await findCurrent(handle.db, 'businesses', uid);
  if (!current) throw new AppError('SURVEY_RECORD_NOT_FOUND');
  const hamlet = await loadSurveyHamlet(handle, ctx, current.hamletId, purpose);
  return { current, hamlet };
}

/** A hamlet's current businesses, in the order they were recorded. */
export async function listBusinesses(handle: Db, ctx: SurveyContext, hamletId: number) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'read');
  const rows = await listCurrent(handle.db, 'businesses', [hamlet.id]);
  const names = await userNames(
    handle.db,
    rows.map((r) => r.changedBy),
  );
  return {
    hamletId: hamlet.id,
    items: rows.map((r) => toView(r, names, hamlet, ctx)),
    abilities: { canCreate: canWriteSurvey(ctx.actor, hamlet) },
  };
}

/** Records a new business of the hamlet, audit-logged in the same transaction. */
export async function createBusiness(handle: Db, ctx: SurveyContext, hamletId: number, input: BusinessInput) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'write');
  const at = ctx.now.toISOString();
  const fields = { ...toFields(input), hamletId: hamlet.id } as BusinessFields;
  const row = await handle.db.transaction().execute(async (trx) => {
    const created = await insertVersion(trx, 'businesses', newRecordUid(), fields, {
      actorId: ctx.actor.id,
      at,
      note: blankToNull(input.changeNote),
    });
    await recordAudit(trx, {
      actor: ctx.actor,
      action: 'business.create',
      entity: 'business',
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
 * Changes a business: the current version is closed and the next recorded. A patch that changes nothing records
 * nothing; a business changed or removed meanwhile is a 409, never a silent overwrite.
 */
export async function updateBusiness(handle: Db, ctx: SurveyContext, uid: string, patch: BusinessPatch) {
  const { current, hamlet } = await loadBusiness(handle, ctx, uid, 'write');
  // The schema checks the patch alone; a patch may contradict what it leaves unchanged, so check the result too.
  const listedOnline = patch.listedOnline !== undefined ? patch.listedOnline : fromFlag(current.listedOnline);
  const platforms = patch.platforms ?? platformsFromText(current.platforms);
  if (listedOnline === false && platforms.length > 0) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ field: 'body.platforms', issue: 'custom', message: 'platforms_but_not_listed' }],
    });
  }
  const changes = changedFields<Partial<BusinessFields>>(current, toFields(patch));
  if (Object.keys(changes).length === 0) return viewOf(handle, current, hamlet, ctx);
  const after = await updateAudited(handle, ctx, 'businesses', uid, changes, current.id, {
    entity: 'business',
    note: blankToNull(patch.changeNote),
  });
  return viewOf(handle, after, hamlet, ctx);
}

/** Removes a business (closed down, moved): its current version is closed; its history stays. */
export async function deleteBusiness(handle: Db, ctx: SurveyContext, uid: string, note?: string) {
  await loadBusiness(handle, ctx, uid, 'write');
  await closeAudited(handle, ctx, 'businesses', uid, { entity: 'business', note });
}
