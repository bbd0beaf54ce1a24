import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { isoDateInVietnam as todayIn } from '../../../domain/admin-units/dates.js';
import { compareVietnamese } from '../../../domain/text/fold.js';
import {
  suppressRatioTree,
  type RatioNode,
  type RatioStates,
} from '../../../domain/public-scorecards/suppress.js';
import { listPilotIds } from '../assessments/assessments.repository.js';
import { computeScorecard, resolveSet, type Scorecard } from '../assessments/assessments.service.js';
import { cityTable } from '../assessments/unit-tables.service.js';
import { cityAdminScopes } from './public-scorecards.repository.js';
import { criteriaMeta, hamletRow, ratioCounts, rollupRow } from './public-rows.js';
import type { PublicCity, PublicUnit } from './public-scorecards.schemas.js';

/*
 * Public scorecards: today's live scores of the city's current wards and hamlets, for anyone, without a login.
 * The whole city is scored and suppressed at once, because whether a hamlet's count may be shown depends on its
 * ward's and the city's totals (a total minus the other hamlets would give a withheld count back).
 */

export interface PublicTree {
  city: PublicCity;
  /** Ward and hamlet pages by unit id: exactly the units that have a public page. */
  units: Map<number, PublicUnit>;
}

/** A read-only stand-in for the public, seeing what the city administrators see and nothing else. */
async function publicActor(handle: Db): Promise<Actor> {
  const scopes = await cityAdminScopes(handle.db);
  return {
    id: 0,
    username: 'public',
    displayName: 'public',
    role: 'viewer',
    scopeUnitIds: scopes.unitIds,
    isUnlimited: scopes.unlimited,
    sessionId: '',
  };
}

const key = (unitId: number) => `u${unitId}`;

/** The states of every ratio criterion over the tree city → wards → hamlets, by criterion code. */
function suppressAll(
  cityCriteria: Array<{ code: string; kind: string; aggregate?: Parameters<typeof ratioCounts>[0] }>,
  wards: Scorecard[],
): Map<string, Map<string, RatioStates>> {
  const out = new Map<string, Map<string, RatioStates>>();
  for (const criterion of cityCriteria) {
    if (criterion.kind !== 'ratio') continue;
    const root: RatioNode = {
      key: 'city',
      counts: ratioCounts(criterion.aggregate),
      children: wards.map((card) => ({
        key: key(card.unit.id),
        counts: ratioCounts(card.run.rollup.criteria.find((c) => c.code === criterion.code)?.aggregate),
        children: card.run.hamlets.map((h) => ({
          key: key(h.hamletId),
          counts: ratioCounts(h.result.criteria.find((c) => c.code === criterion.code)),
          children: [],
        })),
      })),
    };
    out.set(criterion.code, suppressRatioTree(root));
  }
  return out;
}

export async function buildPublicTree(handle: Db, now: Date): Promise<PublicTree> {
  const actor = await publicActor(handle);
  const ctx = { actor, now };
  const table = await cityTable(handle, ctx);
  const { row: setRow, definition } = await resolveSet(handle, table.date, table.criteriaSet.id);
  const meta = criteriaMeta(definition);
  const pilots = await listPilotIds(handle.db);
  const cards: Scorecard[] = [];
  for (const ward of table.wards)
    cards.push(await computeScorecard(handle, ctx, ward.id, table.date, table.criteriaSet.id));
  const states = suppressAll(table.rollup.criteria, cards);

  const criteriaSet = {
    code: setRow.code,
    version: setRow.version,
    name: definition.name,
  };
  const groups = definition.groups.map((g) => ({ code: g.code, name: g.name }));
  const rollupRows = (criteria: typeof table.rollup.criteria, unitKey: string) =>
    criteria.flatMap((c) => {
      const m = meta.get(c.code);
      return m ? [rollupRow(m, c, states.get(c.code)?.get(unitKey))] : [];
    });

  const units = new Map<number, PublicUnit>();
  const wardRows = table.wards.map((w) => ({
    id: w.id,
    name: w.name,
    type: w.type,
    hamlets: w.hamlets,
    hamletsMeetingStandard: w.hamletsMeetingStandard,
  }));
  for (const card of cards) {
    const ward = { id: card.unit.id, name: card.unit.name, type: card.unit.type };
    const unitsById = new Map(card.hamlets.map((h) => [h.id, h]));
    const hamletRows = card.run.hamlets.map((h) => {
      const unit = unitsById.get(h.hamletId)!;
      return {
        id: unit.id,
        name: unit.name,
        type: unit.type,
        met: h.result.overall.met,
        applicable: h.result.overall.applicable,
        notAssessable: h.result.overall.notAssessable,
        meetsStandard: h.result.overall.meetsStandard,
        isPilot: pilots.has(unit.id),
      };
    });
    units.set(card.unit.id, {
      date: table.date,
      criteriaSet,
      groups,
      unit: { ...ward, level: 'commune' },
      ward: null,
      overall: null,
      groupTallies: [],
      hamlets: hamletRows.sort((a, b) => compareVietnamese(a.name, b.name)),
      hamletsMeetingStandard: card.run.rollup.hamletsMeetingStandard,
      criteria: rollupRows(card.run.rollup.criteria, key(card.unit.id)),
    });
    for (const h of card.run.hamlets) {
      const unit = unitsById.get(h.hamletId)!;
      units.set(unit.id, {
        date: table.date,
        criteriaSet,
        groups,
        unit: { id: unit.id, name: unit.name, type: unit.type, level: 'hamlet' },
        ward,
        overall: {
          met: h.result.overall.met,
          applicable: h.result.overall.applicable,
          notAssessable: h.result.overall.notAssessable,
          meetsStandard: h.result.overall.meetsStandard,
        },
        groupTallies: h.result.groups.map((g) => ({ code: g.code, met: g.met, applicable: g.applicable })),
        hamlets: [],
        hamletsMeetingStandard: null,
        criteria: h.result.criteria.flatMap((c) => {
          const m = meta.get(c.code);
          return m ? [hamletRow(m, c, states.get(c.code)?.get(key(unit.id)))] : [];
        }),
      });
    }
  }

  const city: PublicCity = {
    date: table.date,
    criteriaSet,
    groups,
    goal: table.goal,
    hamlets: table.rollup.hamlets,
    hamletsMeetingStandard: table.rollup.hamletsMeetingStandard,
    wards: wardRows,
    criteria: rollupRows(table.rollup.criteria, 'city'),
  };
  return { city, units };
}

/**
 * The public pages' data, rebuilt at most once a minute (and whenever the day changes): scoring a whole city takes
 * seconds on a large one, and a visitor does not need fresher numbers than that. Concurrent first requests share
 * one build.
 */
export function publicScorecards(handle: Db, now: () => Date, ttlMs = 60_000) {
  let cached: { date: string; at: number; tree: Promise<PublicTree> } | null = null;
  const tree = (): Promise<PublicTree> => {
    const at = now();
    const date = todayIn(at);
    const age = cached ? at.getTime() - cached.at : Infinity;
    if (cached && cached.date === date && age >= 0 && age < ttlMs) return cached.tree;
    const promise = buildPublicTree(handle, at);
    const entry = { date, at: at.getTime(), tree: promise };
    cached = entry;
    // A failed build is not kept: the next visitor tries again.
    promise.catch(() => {
      if (cached === entry) cached = null;
    });
    return promise;
  };
  return {
    city: async () => (await tree()).city,
    unit: async (unitId: number) => {
      const page = (await tree()).units.get(unitId);
      if (!page) throw new AppError('PUBLIC_UNIT_NOT_FOUND', {}, { id: unitId });
      return page;
    },
  };
}
