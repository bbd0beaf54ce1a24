import type { Kysely } from 'kysely';
import type { Database, Role, User } from '../../db/tables.js';
import type { ScopeUnit } from '../../../domain/users/schemas.js';

type Q = Kysely<Database>;

export async function findUserById(db: Q, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUsersByIds(db: Q, ids: number[]): Promise<User[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export async function isUsernameTaken(db: Q, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export interface NewUserRow {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  locale: string;
  mustChangePassword: number;
  createdAt: string;
}

export async function insertUser(db: Q, row: NewUserRow): Promise<number> {
  const inserted = await db
    .insertInto('users')
    .values({ ...row, isActive: 1, failedAttempts: 0, lockedUntil: null, updatedAt: row.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export interface UserChanges {
  displayName?: string;
  role?: Role;
  locale?: string;
  isActive?: number;
  passwordHash?: string;
  mustChangePassword?: number;
  failedAttempts?: number;
  lockedUntil?: string | null;
  updatedAt: string;
}

export async function updateUser(db: Q, id: number, changes: UserChanges): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

/** Replaces the whole scope of a user with the given units. */
export async function replaceUserScopes(db: Q, userId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('userScopes').where('userId', '=', userId).execute();
  if (unitIds.length > 0) {
    await db
      .insertInto('userScopes')
      .values(unitIds.map((unitId) => ({ userId, unitId })))
      .execute();
  }
}

/** The scope units of each given user, with the units' current name, level and type, ordered by unit id. */
export async function findScopeUnits(db: Q, userIds: number[]): Promise<Map<number, ScopeUnit[]>> {
  const byUser = new Map<number, ScopeUnit[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('userScopes')
    .innerJoin('adminUnits', 'adminUnits.id', 'userScopes.unitId')
    .select(['userScopes.userId', 'adminUnits.id', 'adminUnits.name', 'adminUnits.level', 'adminUnits.type'])
    .where('userScopes.userId', 'in', userIds)
    .orderBy('adminUnits.id')
    .execute();
  for (const { userId, ...unit } of rows) byUser.get(userId)?.push(unit);
  return byUser;
}

/** Which of the given unit ids exist. */
export async function findExistingUnitIds(db: Q, unitIds: number[]): Promise<Set<number>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db.selectFrom('adminUnits').select('id').where('id', 'in', unitIds).execute();
  return new Set(rows.map((r) => Number(r.id)));
}

export async function deleteSessionsOfUser(db: Q, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}

export async function countUsers(db: Q, role: Role | undefined): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'));
  if (role) query = query.where('role', '=', role);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One page of user ids in creation order. */
export async function listUserIds(
  db: Q,
  role: Role | undefined,
  limit: number,
  offset: number,
): Promise<number[]> {
  let query = db.selectFrom('users').select('id').orderBy('id').limit(limit).offset(offset);
  if (role) query = query.where('role', '=', role);
  return (await query.execute()).map((r) => Number(r.id));
}

/**
 * The names of every user (optionally of one role), in creation order, for diacritic-insensitive search in the
 * service: the users table has no folded column, and accounts number in the thousands at most.
 */
export async function listUserNames(
  db: Q,
  role: Role | undefined,
): Promise<Array<{ id: number; username: string; displayName: string }>> {
  let query = db.selectFrom('users').select(['id', 'username', 'displayName']).orderBy('id');
  if (role) query = query.where('role', '=', role);
  return query.execute();
}
