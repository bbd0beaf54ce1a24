import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Actor } from '../../policies/actor.js';
import { flagFromDb, RESIDENT_FLAGS, type ResidentFlag } from '../../../domain/surveys/schemas.js';
import type { HouseholdValues, MemberValues } from '../../../domain/surveys/household-diff.js';
import type { VersionRow } from '../surveys/versioned.repository.js';
import { canEditHousehold, type HouseholdHamlet } from './households.policy.js';
import type { Assignment } from './households.repository.js';
import { visitsOf } from './households.repository.js';
import type { HouseholdView, MemberView } from './households.schemas.js';

/* Turning stored rows into what the API shows (flags as true/false/null) and what the diff compares. */

export type HouseholdRow = VersionRow<'households'>;
export type ResidentRow = VersionRow<'residents'>;

function residentFlags(row: ResidentRow): Record<ResidentFlag, boolean | null> {
  return Object.fromEntries(RESIDENT_FLAGS.map((f) => [f, flagFromDb(row[f])])) as Record<
    ResidentFlag,
    boolean | null
  >;
}

export function memberValuesOf(row: ResidentRow): MemberValues {
  return {
    uid: row.uid,
    fullName: row.fullName,
    birthYear: Number(row.birthYear),
    birthDate: row.birthDate,
    sex: row.sex,
    residency: row.residency,
    isHead: Number(row.isHead) === 1,
    vneidLevel: row.vneidLevel === null ? null : (Number(row.vneidLevel) as 0 | 1 | 2),
    ...residentFlags(row),
  };
}

export function householdValuesOf(row: HouseholdRow): HouseholdValues {
  return {
    localCode: row.localCode,
    address: row.address,
    street: row.street,
    residency: row.residency,
    fixedBroadband: flagFromDb(row.fixedBroadband),
    mobileBroadband: flagFromDb(row.mobileBroadband),
    inDigitalChannel: flagFromDb(row.inDigitalChannel),
    reachedByOutreach: flagFromDb(row.reachedByOutreach),
  };
}

/** Head first, then the eldest; uid breaks ties so the order never flickers between reads. */
function byHeadThenAge(a: MemberView, b: MemberView): number {
  if (a.isHead !== b.isHead) return a.isHead ? -1 : 1;
  const ka = a.birthDate ?? `${a.birthYear}`;
  const kb = b.birthDate ?? `${b.birthYear}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.uid < b.uid ? -1 : 1;
}

/**
 * Full views of the given households: members, last visit and assignment. `db` may be a transaction (the
 * submission builds its reply inside it); assignments are read beforehand by the caller.
 */
export async function buildHouseholdViews(
  db: Kysely<Database>,
  actor: Actor,
  hamlet: HouseholdHamlet,
  households: HouseholdRow[],
  residents: ResidentRow[],
  assignments: Map<string, Assignment>,
): Promise<HouseholdView[]> {
  const membersOf = new Map<string, MemberView[]>();
  for (const r of residents) {
    const list = membersOf.get(r.householdUid) ?? [];
    const { uid, ...values } = memberValuesOf(r);
    list.push({ uid, ...values, birthDate: values.birthDate ?? null, isHead: values.isHead ?? false });
    membersOf.set(r.householdUid, list);
  }
  const lastVisit = new Map<string, HouseholdView['lastVisit']>();
  for (const v of await visitsOf(
    db,
    households.map((h) => h.uid),
  )) {
    if (!lastVisit.has(v.householdUid))
      lastVisit.set(v.householdUid, {
        outcome: v.outcome,
        visitedAt: v.visitedAt,
        visitorName: v.visitorName,
      });
  }
  return households.map((h) => {
    const assignment = assignments.get(h.uid);
    const assignedTo = assignment ? { userId: assignment.userId, displayName: assignment.displayName } : null;
    return {
      uid: h.uid,
      version: h.validFrom,
      hamletId: h.hamletId,
      ...householdValuesOf(h),
      address: h.address,
      street: h.street,
      members: (membersOf.get(h.uid) ?? []).sort(byHeadThenAge),
      lastVisit: lastVisit.get(h.uid) ?? null,
      assignedTo,
      abilities: { canEdit: canEditHousehold(actor, hamlet, assignedTo?.userId ?? null) },
    };
  });
}
