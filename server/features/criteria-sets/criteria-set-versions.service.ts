import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { requireRole } from '../../policies/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { isUniqueViolation } from '../surveys/versioned.repository.js';
import { dataInstant, loadUnitOn, resolveSet } from '../assessments/assessments.service.js';
import { descendantsOn } from '../assessments/assessments.repository.js';
import { scoreHamlets } from '../assessments/score-hamlets.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { compareVietnamese } from '../../../domain/text/fold.js';
import {
  type AssessmentResult,
  type CriteriaSetDefinition,
  type CriterionStatus,
} from '../../../domain/criteria/index.js';
import * as repo from './criteria-sets.repository.js';
import { newSetRow, parseDefinition, toView, type CriteriaSetView } from './criteria-sets.service.js';

/*
 * The editor's two server steps (issue 5 §5): copy any version into a new draft (version = the code's highest + 1),
 * and preview a draft against the published set in force, computed live over current data and stored nowhere.
 */

export interface NewVersionInput {
  name?: { vi: string; en: string };
  effectiveFrom?: string;
}

/** A draft copy of set `id` with the next free version of its code; name and effective date may be changed. */
export async function newVersion(
  handle: Db,
  actorIn: Actor | null,
  id: number,
  input: NewVersionInput,
  now: Date,
): Promise<CriteriaSetView> {
  const actor = requireRole(actorIn, 'city_admin');
  const at = now.toISOString();
  // Two copies made at once both read the same highest version; the unique (code, version) index lets one win and
  // the other is told the number was taken, instead of failing with a 500.
  let taken = { code: '', version: 0 };
  try {
    return await insertNewVersion(handle, actor, id, input, at, (code, version) => {
      taken = { code, version };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CRITERIA_SET_VERSION_TAKEN', taken, taken);
    throw error;
  }
}

async function insertNewVersion(
  handle: Db,
  actor: Actor,
  id: number,
  input: NewVersionInput,
  at: string,
  attempting: (code: string, version: number) => void,
): Promise<CriteriaSetView> {
  return handle.db.transaction().execute(async (trx) => {
    const source = await repo.findCriteriaSet(trx, id);
    if (!source) throw new AppError('CRITERIA_SET_NOT_FOUND');
    const version = (await repo.highestVersion(trx, source.code)) + 1;
    attempting(source.code, version);
    const copy = {
      ...(JSON.parse(source.definition) as CriteriaSetDefinition),
      version,
      ...(input.name ? { name: input.name } : {}),
      ...(input.effectiveFrom ? { effectiveFrom: input.effectiveFrom } : {}),
    };
    const definition = parseDefinition(copy);
    const newId = await repo.insertCriteriaSet(trx, newSetRow(definition, 'draft', actor.id, at));
    await recordAudit(trx, {
      actor,
      action: 'criteria_set.new_version',
      entity: 'criteria_set',
      entityId: newId,
      before: { fromId: source.id, code: source.code, version: source.version },
      after: {
        code: definition.code,
        version,
        name: definition.name,
        effectiveFrom: definition.effectiveFrom,
      },
      at,
    });
    return toView((await repo.findCriteriaSet(trx, newId))!, actor);
  });
}

interface Verdict {
  met: number;
  applicable: number;
  meetsStandard: boolean;
}

const verdictOf = (r: AssessmentResult): Verdict => ({
  met: r.overall.met,
  applicable: r.overall.applicable,
  meetsStandard: r.overall.meetsStandard,
});

export interface PreviewHamlet {
  id: number;
  name: string;
  before: Verdict;
  after: Verdict;
  /** Criteria whose status differs (a criterion present in only one set shows null on the other side). */
  changes: Array<{ code: string; before: CriterionStatus | null; after: CriterionStatus | null }>;
  standardChanged: boolean;
}

export interface Preview {
  unit: { id: number; name: string; level: string };
  date: string;
  current: { id: number; code: string; version: number; name: string };
  draft: { id: number; code: string; version: number; name: string; status: string };
  summary: { hamlets: number; meetingBefore: number; meetingAfter: number; hamletsChanged: number };
  hamlets: PreviewHamlet[];
}

/**
 * Every hamlet under `unitId` (in the admin's scope) scored on `date` (default today) under the published set in
 * force and under set `id`, side by side. Nothing is stored.
 */
export async function previewSet(
  handle: Db,
  ctx: { actor: Actor | null; now: Date },
  id: number,
  query: { unitId: number; date?: string },
): Promise<Preview> {
  const actor = requireRole(ctx.actor, 'city_admin');
  const draftRow = await repo.findCriteriaSet(handle.db, id);
  if (!draftRow) throw new AppError('CRITERIA_SET_NOT_FOUND');
  const date = query.date ?? isoDateInVietnam(ctx.now);
  const unit = await loadUnitOn(handle, actor, query.unitId, date);
  const current = await resolveSet(handle, date);
  const hamlets =
    unit.level === 'hamlet'
      ? [unit]
      : (await descendantsOn(handle.db, unit.id, date)).filter((u) => u.level === 'hamlet');
  const ids = hamlets.map((h) => h.id);
  const atIso = dataInstant(date, ctx.now);
  const draft = JSON.parse(draftRow.definition) as CriteriaSetDefinition;
  const [before, after] = [
    await scoreHamlets(handle.db, current.definition, date, ids, atIso),
    await scoreHamlets(handle.db, draft, date, ids, atIso),
  ];
  const rows: PreviewHamlet[] = hamlets.map((h, i) => {
    const b = before.hamlets[i].result;
    const a = after.hamlets[i].result;
    const codes = [...new Set([...b.criteria, ...a.criteria].filter((c) => !c.hidden).map((c) => c.code))];
    const statusIn = (r: AssessmentResult, code: string) =>
      r.criteria.find((c) => c.code === code)?.status ?? null;
    const changes = codes
      .map((code) => ({ code, before: statusIn(b, code), after: statusIn(a, code) }))
      .filter((c) => c.before !== c.after);
    return {
      id: h.id,
      name: h.name,
      before: verdictOf(b),
      after: verdictOf(a),
      changes,
      standardChanged: b.overall.meetsStandard !== a.overall.meetsStandard,
    };
  });
  rows.sort((x, y) => compareVietnamese(x.name, y.name) || x.id - y.id);
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level },
    date,
    current: {
      id: current.row.id,
      code: current.row.code,
      version: current.row.version,
      name: current.row.name,
    },
    draft: {
      id: draftRow.id,
      code: draftRow.code,
      version: draftRow.version,
      name: draftRow.name,
      status: draftRow.status,
    },
    summary: {
      hamlets: rows.length,
      meetingBefore: rows.filter((r) => r.before.meetsStandard).length,
      meetingAfter: rows.filter((r) => r.after.meetsStandard).length,
      hamletsChanged: rows.filter((r) => r.changes.length > 0 || r.standardChanged).length,
    },
    hamlets: rows,
  };
}
