import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { requireRole } from '../../policies/actor.js';
import { recordAudit } from '../audit/record-audit.js';
import { dataInstant, loadUnitOn, resolveSet } from '../assessments/assessments.service.js';
import { scoreHamlets } from '../assessments/score-hamlets.js';
import { hamletAssignments, visitsByHousehold } from '../digital-teams/coverage.repository.js';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import {
  actionTarget,
  classifyFields,
  explainingFilter,
  groupByStreet,
  listableParts,
  needsAction,
  type ActionRow,
  type StreetGroup,
} from '../../../domain/action-lists/action-lists.js';
import type {
  CriteriaSetDefinition,
  CriterionResult,
  GapUnit,
  Subject,
} from '../../../domain/criteria/index.js';
import { actionRows } from './action-lists.repository.js';

/*
 * Action lists (issue 5 §4): for each criterion a hamlet has not met, whom to visit. Reading one is reading
 * personal data (names, birth years, answers), so only the roles that work the hamlet may, within their scope,
 * and every read is audit-logged with the criteria it covered.
 */

/** Roles that organise door-to-door rounds; viewers see aggregates only. */
export const ACTION_LIST_ROLES = ['city_admin', 'commune_officer', 'hamlet_head', 'team_member'] as const;

export interface ActionListContext {
  actor: Actor | null;
  now: Date;
  ip?: string | null;
  /** Recorded in the audit entry: the JSON page or the Excel download. */
  format?: 'json' | 'xlsx';
}

export interface ActionListPart {
  code: string;
  name: { vi: string; en: string };
  subject: Subject;
  /** The part's own verdict (a composite's parts have one each). */
  status: CriterionResult['status'];
  denominator: number | null;
  numerator: number | null;
  missingCount: number;
  unknownCount: number;
  missing: StreetGroup[];
  unknown: StreetGroup[];
}

export interface ActionListCriterion {
  code: string;
  name: { vi: string; en: string };
  group: string;
  status: CriterionResult['status'];
  percent: number | null;
  target: CriterionResult['target'];
  gap: number | null;
  gapUnit: GapUnit | null;
  /** False for hamlet facts: no household stands behind them, so there is nobody to visit. */
  listable: boolean;
  parts: ActionListPart[];
}

export interface ActionList {
  hamlet: { id: number; name: string };
  date: string;
  criteriaSet: { id: number; code: string; version: number; name: string };
  criteria: ActionListCriterion[];
}

function namesOf(definition: CriteriaSetDefinition) {
  const out = new Map<string, { vi: string; en: string }>();
  for (const g of definition.groups) for (const c of g.criteria) out.set(c.code, c.name);
  return out;
}

/**
 * The hamlet's action list on a date (default today): every non-hidden criterion not met (or not assessable), or
 * only `criterionCode`. 404 unknown unit, 403 out of scope, 400 not a hamlet / unknown criterion.
 */
export async function buildActionList(
  handle: Db,
  ctx: ActionListContext,
  hamletId: number,
  query: { date?: string; criterionCode?: string },
): Promise<ActionList> {
  const actor = requireRole(ctx.actor, ...ACTION_LIST_ROLES);
  const date = query.date ?? isoDateInVietnam(ctx.now);
  const unit = await loadUnitOn(handle, actor, hamletId, date);
  if (unit.level !== 'hamlet') throw new AppError('UNIT_NOT_HAMLET');
  const { row, definition } = await resolveSet(handle, date);
  const atIso = dataInstant(date, ctx.now);
  const run = await scoreHamlets(handle.db, definition, date, [hamletId], atIso);
  const { compiled } = run;
  const result = run.hamlets[0].result;
  const byCode = new Map(result.criteria.map((c) => [c.code, c]));
  if (query.criterionCode !== undefined && !byCode.has(query.criterionCode))
    throw new AppError(
      'ACTION_LIST_UNKNOWN_CRITERION',
      { criterionCode: query.criterionCode },
      {
        code: query.criterionCode,
      },
    );
  const chosen =
    query.criterionCode !== undefined
      ? [byCode.get(query.criterionCode)!]
      : result.criteria.filter((c) => !c.hidden && needsAction(c));

  const names = namesOf(definition);
  const [visits, assigned] = await Promise.all([
    visitsByHousehold(handle.db, hamletId),
    hamletAssignments(handle.db, hamletId),
  ]);
  const lastVisit = new Map(visits.map((v) => [v.householdUid, v.lastVisitAt as string | null]));
  const assignee = new Map(
    assigned.map((a) => [a.householdUid, { userId: Number(a.memberUserId), displayName: a.displayName }]),
  );

  const criteria: ActionListCriterion[] = [];
  for (const c of chosen) {
    const parts: ActionListPart[] = [];
    for (const part of listableParts(compiled, c.code)) {
      const target = actionTarget(compiled, part)!;
      const filter = explainingFilter(part);
      const raw = await actionRows(handle.db, target, hamletId, atIso);
      const rows: ActionRow[] = raw.map((r) => ({
        verdict: r.excluded === 1 ? 'missing' : 'unknown',
        uid: r.uid,
        householdUid: r.householdUid,
        street: r.street,
        address: r.address,
        localCode: r.localCode,
        headName: r.headName,
        name: r.name,
        birthYear: r.birthYear,
        ...classifyFields(r.values, filter),
        lastVisitAt: r.householdUid ? (lastVisit.get(r.householdUid) ?? null) : null,
        assignee: r.householdUid ? (assignee.get(r.householdUid) ?? null) : null,
      }));
      const partResult = byCode.get(part.code)!;
      const value = partResult.value && 'numerator' in partResult.value ? partResult.value : null;
      const missing = rows.filter((r) => r.verdict === 'missing');
      const unknown = rows.filter((r) => r.verdict === 'unknown');
      parts.push({
        code: part.code,
        name: names.get(part.code) ?? { vi: part.code, en: part.code },
        subject: target.subject,
        status: partResult.status,
        denominator: value?.denominator ?? null,
        numerator: value?.numerator ?? null,
        missingCount: missing.length,
        unknownCount: unknown.length,
        missing: groupByStreet(missing),
        unknown: groupByStreet(unknown),
      });
    }
    criteria.push({
      code: c.code,
      name: names.get(c.code) ?? { vi: c.code, en: c.code },
      group: c.group,
      status: c.status,
      percent: c.percent,
      target: c.target,
      gap: c.gap,
      gapUnit: c.gapUnit,
      listable: parts.length > 0,
      parts,
    });
  }

  await recordAudit(handle.db, {
    actor,
    action: 'action_list.read',
    entity: 'hamlet',
    entityId: hamletId,
    after: {
      date,
      criteria: criteria.map((c) => c.code),
      rows: criteria.reduce(
        (n, c) => n + c.parts.reduce((m, p) => m + p.missingCount + p.unknownCount, 0),
        0,
      ),
      format: ctx.format ?? 'json',
    },
    ip: ctx.ip ?? null,
    at: ctx.now.toISOString(),
  });
  return {
    hamlet: { id: unit.id, name: unit.name },
    date,
    criteriaSet: { id: row.id, code: row.code, version: row.version, name: row.name },
    criteria,
  };
}
