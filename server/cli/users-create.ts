import type { Db } from '../db/database.js';
import { AppError, localiseError } from '../errors.js';
import { createUser } from '../features/users/users.service.js';
import { ROLES } from '../policies/actor.js';
import type { Role } from '../db/tables.js';

type Options = Record<string, string | boolean | Array<string | boolean> | undefined>;
type Lang = 'vi' | 'en';

/** Turns `--scope 25920` (an official code, current unit preferred) or `--scope id:42` into unit ids. */
async function resolveScopes(db: Db, scopes: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const scope of scopes) {
    if (/^id:\d+$/.test(scope)) {
      ids.push(Number(scope.slice(3)));
      continue;
    }
    const unit = await db.db
      .selectFrom('adminUnits')
      .select('id')
      .where('code', '=', scope)
      .orderBy('validFrom', 'desc')
      .executeTakeFirst();
    if (!unit) throw new Error(`Không tìm thấy đơn vị có mã ${scope} / No unit with code ${scope}`);
    ids.push(unit.id);
  }
  return ids;
}

export async function runUsersCreate(
  withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
  options: Options,
  lang: Lang,
): Promise<number> {
  const role = String(options.role ?? '');
  if (!options.username || !options.name || !(ROLES as readonly string[]).includes(role)) {
    console.error(
      lang === 'vi'
        ? `Cần --username, --name và --role (một trong: ${ROLES.join(', ')}). Xem --help.`
        : `--username, --name and --role (one of: ${ROLES.join(', ')}) are required. See --help.`,
    );
    return 2;
  }
  const password = typeof options.password === 'string' ? options.password : process.env.KPS_PASSWORD;
  if (!password) {
    console.error(
      lang === 'vi' ? 'Cần --password hoặc biến KPS_PASSWORD.' : '--password or KPS_PASSWORD is required.',
    );
    return 2;
  }
  const scopes = (Array.isArray(options.scope) ? options.scope : []).map(String);
  return withDb(async (db) => {
    try {
      const user = await createUser(
        db,
        {
          username: String(options.username),
          displayName: String(options.name),
          password,
          role: role as Role,
          scopeUnitIds: await resolveScopes(db, scopes),
        },
        { actor: null, now: new Date() },
      );
      console.log(
        lang === 'vi'
          ? `Đã tạo tài khoản ${user.username} (id ${user.id}).`
          : `Created account ${user.username} (id ${user.id}).`,
      );
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        console.error(`${error.code}: ${localiseError(error.code, lang, error.params)}`);
        if (Object.keys(error.details).length) console.error(JSON.stringify(error.details, null, 2));
        return 1;
      }
      throw error;
    }
  });
}
