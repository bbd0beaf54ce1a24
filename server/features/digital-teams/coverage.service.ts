import type { Db } from '../../db/database.js';
import { compareVietnamese } from '../../../domain/text/fold.js';
import { loadSurveyHamlet, type SurveyContext } from '../surveys/survey-hamlet.js';
import {
  currentHouseholds,
  currentTeamMembers,
  hamletAssignments,
  lastVisitByVisitor,
  visitsByHousehold,
} from './coverage.repository.js';

const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Door-to-door coverage of a hamlet (issue 4 §1): of its current households, how many are assigned and how many
 * were visited (at least one visit with outcome "visited": nobody-home or refused do not count), per hamlet and
 * per current team member (their assigned households visited by anyone; their own last visit), and the list of
 * households never visited, sorted by local code.
 */
export async function hamletCoverage(handle: Db, ctx: SurveyContext, hamletId: number) {
  const hamlet = await loadSurveyHamlet(handle, ctx, hamletId, 'read');
  const [households, assignments, visits, byVisitor, members] = [
    await currentHouseholds(handle.db, hamlet.id),
    await hamletAssignments(handle.db, hamlet.id),
    await visitsByHousehold(handle.db, hamlet.id),
    await lastVisitByVisitor(handle.db, hamlet.id),
    await currentTeamMembers(handle.db, hamlet.id),
  ];
  const current = new Set(households.map((h) => h.uid));
  const visitOf = new Map(visits.filter((v) => current.has(v.householdUid)).map((v) => [v.householdUid, v]));
  const isVisited = (uid: string) => (visitOf.get(uid)?.visitedCount ?? 0) > 0;
  const assignedTo = new Map(
    assignments
      .filter((a) => current.has(a.householdUid))
      .map((a) => [a.householdUid, { userId: a.memberUserId, displayName: a.displayName }]),
  );

  let lastVisitAt: string | null = null;
  for (const v of visitOf.values()) lastVisitAt = latest(lastVisitAt, v.lastVisitAt);

  const perMember = members.map((m) => {
    const mine = [...assignedTo.entries()].filter(([, a]) => a.userId === m.userId).map(([uid]) => uid);
    return {
      userId: m.userId,
      displayName: m.displayName,
      assigned: mine.length,
      visited: mine.filter(isVisited).length,
      lastVisitAt: byVisitor.get(m.userId) ?? null,
    };
  });

  const neverVisited = households
    .filter((h) => !isVisited(h.uid))
    .sort((a, b) => compareVietnamese(a.localCode, b.localCode))
    .map((h) => ({
      uid: h.uid,
      localCode: h.localCode,
      address: h.address,
      street: h.street,
      assignedTo: assignedTo.get(h.uid) ?? null,
    }));

  return {
    hamlet: {
      households: households.length,
      assigned: assignedTo.size,
      visited: households.filter((h) => isVisited(h.uid)).length,
      lastVisitAt,
    },
    members: perMember,
    neverVisited,
  };
}
