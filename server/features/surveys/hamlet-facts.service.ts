import { newRecordUid } from '../../db/uid.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { asOfInstant } from './as-of.js';
import { blankToNull, changedFields, fromFlag, toFlag } from './record-changes.js';
import { loadSurveyHamlet, type SurveyContext } from './survey-hamlet.js';
import { surveyAbilities, type SurveyHamlet } from './surveys.policy.js';
import { factHistory, findCurrentFact } from './surveys.repository.js';
import { KNOWN_FACTS, type FactInput, type FactView } from './surveys.schemas.js';
import {
  asOf,
  insertVersion,
  isUniqueViolation,
  listCurrent,
  updateVersion,
  userNames,
  type RecordFields,
  type VersionRow,
} from './versioned.repository.js';

type FactRow = VersionRow<'hamletFacts'>;
type FactFields = Omit<RecordFields<'hamletFacts'>, 'hamletId' | 'factKey'>;

function parseMembers(text: string | null): string[] | null {
  if (text === null) return null;
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.map(String) : null;
}

function toView(
  row: FactRow,
  names: Map<number, string>,
  hamlet: SurveyHamlet,
  ctx: SurveyContext,
): FactView {
  return {
    key: row.factKey,
    valueBool: fromFlag(row.valueBool),
    valueNum: row.valueNum === null ? null : Number(row.valueNum),
    evidence: row.evidence,
    decisionNo: row.decisionNo,
    decisionDate: row.decisionDate,
    members: parseMembers(row.members),
    changedBy: row.changedBy,
    changedByName: row.changedBy === null ? null : (names.get(row.changedBy) ?? null),
    changeNote: row.changeNote,
    validFrom: row.validFrom,
    validTo: row.validTo,
    abilities: surveyAbilities(ctx.actor, hamlet),
  };
}

/** What the audit log keeps of a fact version. */
function auditSnapshot(row: FactRow | undefined) {
  if (!row) return undefined;
  const { id: _id, changedBy: _by, ...rest } = row;
  return { ...rest, members: parseMembers(row.members) };
}

/**
 * Known facts take one kind of value: a yes/no fact has no number, a count is a whole number ≥ 0 and has no
 * yes/no. Breaking that is a 400 naming the field, so a wrong form never silently stores an unusable fact.
 */
function assertValueFitsKey(key: string, input: FactInput): void {
  const kind = (KNOWN_FACTS as Record<string, 'bool' | 'count' | undefined>)[key];
  const fields: Array<{ field: string; issue: string; message: string }> = [];
  if (kind === 'bool' && input.valueNum != null) {
    fields.push({
      field: 'body.valueNum',
      issue: 'not_allowed_for_key',
      message: `Fact ${key} is yes/no: use valueBool`,
    });
  }
  if (kind === 'count') {
    if (input.valueBool != null) {
      fields.push({
        field: 'body.valueBool',
        issue: 'not_allowed_for_key',
        message: `Fact ${key} is a count: use valueNum`,
      });
    }
    if (input.valueNum != null && (!Number.isInteger(input.valueNum) || input.valueNum < 0)) {
      fields.push({
        field: 'body.valueNum',
        issue: 'not_a_count',
        message: `Fact ${key} is a whole number ≥ 0`,
      });
    }
  }
  if (fields.length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

function fieldsFromInput(input: FactInput): FactFields {
  const members = input.members?.filter((m) => m.trim() !== '') ?? null;
  return {
    valueBool: toFlag(input.valueBool),
    valueNum: input.valueNum ?? null,
    evidence: blankToNull(input.evidence),
    decisionNo: blankToNull(input.decisionNo),
    decisionDate: input.decisionDate ?? null,
    members: members && members.length > 0 ? JSON.stringify(members) : null,
  };
}

/** A hamlet's facts now, or as they stood at `asOfText` (a day or an ISO timestamp), sorted by key. */
export async function listFacts(handle: Db, ctx: SurveyContext, hamletId: number, asOfText?: string) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'read');
  const at = asOfText ? asOfInstant(asOfText) : null;
  const rows = at
    ? await asOf(handle.db, 'hamletFacts', hamlet.id, at)
    : await listCurrent(handle.db, 'hamletFacts', [hamlet.id]);
  const names = await userNames(
    handle.db,
    rows.map((r) => r.changedBy),
  );
  const items = rows.map((r) => toView(r, names, hamlet, ctx)).sort((a, b) => a.key.localeCompare(b.key));
  return { hamletId: hamlet.id, asOf: at, items, abilities: surveyAbilities(ctx.actor, hamlet) };
}

/** Every version of one fact of a hamlet, oldest first; 404 when the fact was never set. */
export async function listFactHistory(handle: Db, ctx: SurveyContext, hamletId: number, key: string) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'read');
  const rows = await factHistory(handle.db, hamlet.id, key);
  if (rows.length === 0) throw new AppError('SURVEY_RECORD_NOT_FOUND');
  const names = await userNames(
    handle.db,
    rows.map((r) => r.changedBy),
  );
  return { items: rows.map((r) => toView(r, names, hamlet, ctx)) };
}

/**
 * Sets a hamlet fact to exactly the given values (PUT semantics: a field left out becomes unknown). The old
 * version is kept, closed at this instant; the audit entry is written in the same transaction. Setting the
 * values a fact already has records nothing and returns it unchanged.
 */
export async function setFact(
  handle: Db,
  ctx: SurveyContext,
  hamletId: number,
  key: string,
  input: FactInput,
): Promise<FactView> {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'write');
  assertValueFitsKey(key, input);
  const fields = fieldsFromInput(input);
  const at = ctx.now.toISOString();
  const meta = { actorId: ctx.actor.id, at, note: blankToNull(input.changeNote) };
  try {
    const written = await handle.db.transaction().execute(async (trx) => {
      const current = await findCurrentFact(trx, hamlet.id, key);
      if (current && Object.keys(changedFields<FactFields>(current, fields)).length === 0) return current;
      let before: FactRow | undefined;
      let after: FactRow;
      if (current) {
        const result = await updateVersion(trx, 'hamletFacts', current.uid, fields, meta);
        if (!result) throw new AppError('SURVEY_WRITE_CONFLICT');
        ({ before, after } = result);
      } else {
        after = await insertVersion(
          trx,
          'hamletFacts',
          newRecordUid(),
          { ...fields, hamletId: hamlet.id, factKey: key },
          meta,
        );
      }
      await recordAudit(trx, {
        actor: ctx.actor,
        action: current ? 'hamlet_fact.update' : 'hamlet_fact.create',
        entity: 'hamlet_fact',
        entityId: after.uid,
        before: auditSnapshot(before),
        after: auditSnapshot(after),
        ip: ctx.ip ?? null,
        at,
      });
      return after;
    });
    const names = await userNames(handle.db, [written.changedBy]);
    return toView(written, names, hamlet, ctx);
  } catch (error) {
    // Two first-time PUTs of the same fact race on the (hamlet_id, fact_key) partial unique index.
    if (isUniqueViolation(error)) throw new AppError('SURVEY_WRITE_CONFLICT');
    throw error;
  }
}
