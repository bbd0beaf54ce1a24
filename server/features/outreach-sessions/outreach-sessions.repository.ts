import type { Kysely } from 'kysely';
import type { Database, OutreachKind } from '../../db/tables.js';

/* SQL of outreach, training and support-day sessions and the hamlets and households they reached. */

export async function insertSession(
  db: Kysely<Database>,
  values: {
    heldOn: string;
    kind: OutreachKind;
    topic: string;
    attendees: number;
    createdBy: number;
    createdAt: string;
  },
) {
  return db.insertInto('outreachSessions').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function linkHamlets(db: Kysely<Database>, sessionId: number, hamletIds: number[]) {
  await db
    .insertInto('outreachSessionHamlets')
    .values(hamletIds.map((hamletId) => ({ sessionId, hamletId })))
    .execute();
}

export async function linkHouseholds(db: Kysely<Database>, sessionId: number, householdUids: string[]) {
  for (let i = 0; i < householdUids.length; i += 500) {
    await db
      .insertInto('outreachSessionHouseholds')
      .values(householdUids.slice(i, i + 500).map((householdUid) => ({ sessionId, householdUid })))
      .execute();
  }
}

/** Sessions that served the hamlet, latest first, with their creator's name. */
export async function listSessionsOfHamlet(db: Kysely<Database>, hamletId: number) {
  return db
    .selectFrom('outreachSessions as s')
    .innerJoin('outreachSessionHamlets as sh', 'sh.sessionId', 's.id')
    .leftJoin('users as u', 'u.id', 's.createdBy')
    .select([
      's.id',
      's.heldOn',
      's.kind',
      's.topic',
      's.attendees',
      's.createdBy',
      'u.displayName as createdByName',
      's.createdAt',
    ])
    .where('sh.hamletId', '=', hamletId)
    .orderBy('s.heldOn', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}

export async function sessionHamlets(db: Kysely<Database>, sessionIds: number[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('outreachSessionHamlets')
    .select(['sessionId', 'hamletId'])
    .where('sessionId', 'in', sessionIds)
    .orderBy('hamletId')
    .execute();
}

export async function sessionHouseholds(db: Kysely<Database>, sessionIds: number[]) {
  if (sessionIds.length === 0) return [];
  return db
    .selectFrom('outreachSessionHouseholds')
    .select(['sessionId', 'householdUid'])
    .where('sessionId', 'in', sessionIds)
    .execute();
}

/** Total attendees of the training sessions that served the hamlet (the hamlet fact trainingAttendees, SKL-4). */
export async function trainingAttendeesOfHamlet(db: Kysely<Database>, hamletId: number): Promise<number> {
  const row = await db
    .selectFrom('outreachSessions as s')
    .innerJoin('outreachSessionHamlets as sh', 'sh.sessionId', 's.id')
    .select((eb) => eb.fn.sum<number>('s.attendees').as('total'))
    .where('sh.hamletId', '=', hamletId)
    .where('s.kind', '=', 'training')
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** The current households among `uids` that belong to one of the hamlets. */
export async function currentHouseholdsIn(db: Kysely<Database>, hamletIds: number[], uids: string[]) {
  const rows = [];
  for (let i = 0; i < uids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('households')
        .select(['uid', 'hamletId', 'reachedByOutreach'])
        .where('hamletId', 'in', hamletIds)
        .where('uid', 'in', uids.slice(i, i + 500))
        .where('validTo', 'is', null)
        .execute()),
    );
  }
  return rows;
}
