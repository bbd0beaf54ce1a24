import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-surveys.js';
import * as m0003 from './migrations/0003-assessments.js';
import * as m0004 from './migrations/0004-survey-sync.js';
import * as m0005 from './migrations/0005-teams.js';
import * as m0006 from './migrations/0006-evaluation-rounds.js';
import * as m0007 from './migrations/0007-closed-version-uid-index.js';
import * as m0008 from './migrations/0008-survey-parent-checks.js';

/** Ordered migrations; a new file is added here with the next number. Static imports keep them bundle-safe. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-surveys': m0002,
  '0003-assessments': m0003,
  '0004-survey-sync': m0004,
  '0005-teams': m0005,
  '0006-evaluation-rounds': m0006,
  '0007-closed-version-uid-index': m0007,
  '0008-survey-parent-checks': m0008,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Runs every pending migration; throws with the failing migration's name and cause. */
export async function migrateToLatest(handle: Db): Promise<string[]> {
  const migrator = new Migrator({ db: handle.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
