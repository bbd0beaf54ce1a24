import type { Db } from '../../db/database.js';
import { AppError, type Locale } from '../../errors.js';
import type { Actor } from '../../policies/actor.js';
import { compareVietnamese, foldVietnamese } from '../../../domain/text/fold.js';
import { recordAudit } from '../audit/record-audit.js';
import { findCurrent } from '../surveys/versioned.repository.js';
import { buildHouseholdViews } from './household-views.js';
import { assertCanRead, canCreateHousehold, loadHouseholdHamlet } from './households.policy.js';
import {
  assignmentsOf,
  currentHouseholds,
  currentMembers,
  currentResidentsOfHamlet,
  visitsOf,
} from './households.repository.js';
import type { HouseholdListQuery, HouseholdView } from './households.schemas.js';
import { SUPPORT_KINDS } from '../../../domain/surveys/schemas.js';
import { pushTo } from '../../../domain/collections/group.js';

/** What every households use case receives from its route. */
export interface HouseholdContext {
  actor: Actor;
  now: Date;
  ip?: string | null;
  locale: Locale;
}

/**
 * One page of a hamlet's households with their members. A hamlet holds at most a few thousand households, so
 * the search runs in memory over folded text: "nguyen van an" finds "Nguyễn Văn An" on every engine alike.
 * Reading the register is reading personal data, so each list read is audit-logged (who read which hamlet).
 */
export async function listHouseholds(
  handle: Db,
  ctx: HouseholdContext,
  hamletId: number,
  query: HouseholdListQuery,
) {
  const hamlet = await loadHouseholdHamlet(handle, ctx.actor, hamletId, ctx.now);
  assertCanRead(ctx.actor, hamlet, null);
  const [households, residents, assignments] = [
    await currentHouseholds(handle.db, hamlet.id),
    await currentResidentsOfHamlet(handle.db, hamlet.id),
    await assignmentsOf(handle, { hamletId: hamlet.id }),
  ];
  const namesOf = new Map<string, string[]>();
  for (const r of residents) pushTo(namesOf, r.householdUid, r.fullName);

  const needle = query.q ? foldVietnamese(query.q) : '';
  const street = query.street ? foldVietnamese(query.street) : '';
  const assignee = query.assignedTo === 'me' ? ctx.actor.id : query.assignedTo;
  const matching = households
    .filter((h) => {
      if (street && foldVietnamese(h.street ?? '') !== street) return false;
      const assigned = assignments.get(h.uid)?.userId ?? null;
      if (assignee === 'none' && assigned !== null) return false;
      if (typeof assignee === 'number' && assigned !== assignee) return false;
      if (!needle) return true;
      const haystack = [h.localCode, h.address ?? '', ...(namesOf.get(h.uid) ?? [])].map(foldVietnamese);
      return haystack.some((text) => text.includes(needle));
    })
    .sort((a, b) => compareVietnamese(a.localCode, b.localCode));

  const start = (query.page - 1) * query.pageSize;
  const page = matching.slice(start, start + query.pageSize);
  const pageUids = new Set(page.map((h) => h.uid));
  const items = await buildHouseholdViews(
    handle.db,
    ctx.actor,
    hamlet,
    page,
    residents.filter((r) => pageUids.has(r.householdUid)),
    assignments,
  );
  await recordAudit(handle.db, {
    actor: ctx.actor,
    action: 'household.list',
    entity: 'hamlet',
    entityId: hamlet.id,
    after: { q: query.q ?? null, street: query.street ?? null, page: query.page, returned: items.length },
    ip: ctx.ip ?? null,
    at: ctx.now.toISOString(),
  });
  return {
    items,
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    abilities: { canCreate: canCreateHousehold(ctx.actor, hamlet) },
  };
}

/** The current household, checked for reading: 404 HOUSEHOLD_NOT_FOUND, 403 out of scope and not assigned. */
async function loadReadable(handle: Db, ctx: HouseholdContext, uid: string) {
  const household = await findCurrent(handle.db, 'households', uid);
  if (!household) throw new AppError('HOUSEHOLD_NOT_FOUND');
  const hamlet = await loadHouseholdHamlet(handle, ctx.actor, household.hamletId, ctx.now);
  const assignments = await assignmentsOf(handle, { householdUid: uid });
  assertCanRead(ctx.actor, hamlet, assignments.get(uid)?.userId ?? null);
  return { household, hamlet, assignments };
}

/** One household with its members, last visit and assignment; audit-logged as a personal-data read. */
export async function getHousehold(
  handle: Db,
  ctx: HouseholdContext,
  uid: string,
): Promise<{ household: HouseholdView }> {
  const { household, hamlet, assignments } = await loadReadable(handle, ctx, uid);
  const [view] = await buildHouseholdViews(
    handle.db,
    ctx.actor,
    hamlet,
    [household],
    await currentMembers(handle.db, uid),
    assignments,
  );
  await recordAudit(handle.db, {
    actor: ctx.actor,
    action: 'household.read',
    entity: 'household',
    entityId: uid,
    ip: ctx.ip ?? null,
    at: ctx.now.toISOString(),
  });
  return { household: view };
}

const KNOWN_SUPPORT = new Set<string>(SUPPORT_KINDS);

/** The visit log of one household, newest first. */
export async function listVisits(handle: Db, ctx: HouseholdContext, uid: string) {
  await loadReadable(handle, ctx, uid);
  const rows = await visitsOf(handle.db, [uid]);
  return {
    items: rows.map((v) => ({
      uid: v.uid,
      outcome: v.outcome,
      visitedAt: v.visitedAt,
      visitorId: v.visitorId === null ? null : Number(v.visitorId),
      visitorName: v.visitorName,
      support: (JSON.parse(v.support) as string[]).filter((s) => KNOWN_SUPPORT.has(s)) as Array<
        (typeof SUPPORT_KINDS)[number]
      >,
      note: v.note,
    })),
  };
}
