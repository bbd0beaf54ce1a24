import type { Db } from '../../db/database.js';
import type { Actor } from '../../policies/actor.js';
import { requireActor, requireRole } from '../../policies/actor.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { validateCriteriaSet, type CriteriaSetDefinition } from '../../../domain/criteria/index.js';
import { CRITERIA_TAN_UYEN_2023 } from '../../../seeds/reference/criteria-tan-uyen-2023.js';
import { CRITERIA_2026 } from '../../../seeds/reference/criteria-2026.js';
import * as repo from './criteria-sets.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findCriteriaSet>>>;

export interface CriteriaSetView {
  id: number;
  code: string;
  version: number;
  name: string;
  effectiveFrom: string;
  status: 'draft' | 'published';
  publishedAt: string | null;
  definition: CriteriaSetDefinition;
  abilities: { canEdit: boolean; canPublish: boolean };
}

export function toView(row: Row, actor: Actor | null): CriteriaSetView {
  const isAdmin = actor?.role === 'city_admin';
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    effectiveFrom: row.effectiveFrom,
    status: row.status,
    publishedAt: row.publishedAt,
    definition: JSON.parse(row.definition) as CriteriaSetDefinition,
    abilities: { canEdit: isAdmin && row.status === 'draft', canPublish: isAdmin && row.status === 'draft' },
  };
}

/** Validates a definition; every problem is reported with its path so the editor can point at it. */
export function parseDefinition(input: unknown): CriteriaSetDefinition {
  const checked = validateCriteriaSet(input);
  if (!checked.ok) {
    const fields = checked.issues.map((i) => ({
      field: ['definition', ...i.path].join('.'),
      issue: 'invalid',
      message: i.message,
    }));
    throw new AppError(
      'CRITERIA_SET_INVALID',
      { fields },
      { first: `${fields[0].field}: ${fields[0].message}` },
    );
  }
  return checked.value;
}

/** The stored row of a validated definition (published rows are published the moment they are made). */
export function newSetRow(
  definition: CriteriaSetDefinition,
  status: 'draft' | 'published',
  createdBy: number | null,
  at: string,
) {
  return {
    code: definition.code,
    version: definition.version,
    name: definition.name.vi,
    effectiveFrom: definition.effectiveFrom,
    definition: JSON.stringify(definition),
    status,
    createdBy,
    createdAt: at,
    publishedAt: status === 'published' ? at : null,
  };
}

export async function listSets(handle: Db, actor: Actor | null): Promise<CriteriaSetView[]> {
  requireActor(actor);
  return (await repo.listCriteriaSets(handle.db)).map((r) => toView(r, actor));
}

export async function getSet(handle: Db, actor: Actor | null, id: number): Promise<CriteriaSetView> {
  requireActor(actor);
  const row = await repo.findCriteriaSet(handle.db, id);
  if (!row) throw new AppError('CRITERIA_SET_NOT_FOUND');
  return toView(row, actor);
}

export async function createSet(
  handle: Db,
  actorIn: Actor | null,
  input: unknown,
  now: Date,
): Promise<CriteriaSetView> {
  const actor = requireRole(actorIn, 'city_admin');
  const definition = parseDefinition(input);
  const at = now.toISOString();
  return handle.db.transaction().execute(async (trx) => {
    if (await repo.findByCodeVersion(trx, definition.code, definition.version)) {
      throw new AppError(
        'CRITERIA_SET_VERSION_TAKEN',
        {},
        { code: definition.code, version: definition.version },
      );
    }
    const id = await repo.insertCriteriaSet(trx, newSetRow(definition, 'draft', actor.id, at));
    await recordAudit(trx, {
      actor,
      action: 'criteria_set.create',
      entity: 'criteria_set',
      entityId: id,
      after: definition,
      at,
    });
    return toView((await repo.findCriteriaSet(trx, id))!, actor);
  });
}

export async function updateSet(
  handle: Db,
  actorIn: Actor | null,
  id: number,
  input: unknown,
  now: Date,
): Promise<CriteriaSetView> {
  const actor = requireRole(actorIn, 'city_admin');
  const definition = parseDefinition(input);
  const at = now.toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const row = await repo.findCriteriaSet(trx, id);
    if (!row) throw new AppError('CRITERIA_SET_NOT_FOUND');
    if (row.status === 'published') throw new AppError('CRITERIA_SET_PUBLISHED');
    if (definition.code !== row.code || definition.version !== row.version) {
      const other = await repo.findByCodeVersion(trx, definition.code, definition.version);
      if (other && other.id !== id)
        throw new AppError(
          'CRITERIA_SET_VERSION_TAKEN',
          {},
          { code: definition.code, version: definition.version },
        );
    }
    await repo.updateDraft(trx, id, {
      name: definition.name.vi,
      effectiveFrom: definition.effectiveFrom,
      definition: JSON.stringify(definition),
    });
    await recordAudit(trx, {
      actor,
      action: 'criteria_set.update',
      entity: 'criteria_set',
      entityId: id,
      before: JSON.parse(row.definition),
      after: definition,
      at,
    });
    return toView((await repo.findCriteriaSet(trx, id))!, actor);
  });
}

export async function publishSet(
  handle: Db,
  actorIn: Actor | null,
  id: number,
  now: Date,
): Promise<CriteriaSetView> {
  const actor = requireRole(actorIn, 'city_admin');
  const at = now.toISOString();
  return handle.db.transaction().execute(async (trx) => {
    const row = await repo.findCriteriaSet(trx, id);
    if (!row) throw new AppError('CRITERIA_SET_NOT_FOUND');
    if (row.status === 'published') throw new AppError('CRITERIA_SET_PUBLISHED');
    await repo.markPublished(trx, id, at);
    await recordAudit(trx, {
      actor,
      action: 'criteria_set.publish',
      entity: 'criteria_set',
      entityId: id,
      at,
    });
    return toView((await repo.findCriteriaSet(trx, id))!, actor);
  });
}

/** The two sets the product ships with, published; inserted once (re-running changes nothing). */
export async function ensureReferenceCriteriaSets(handle: Db, now: Date): Promise<void> {
  const at = now.toISOString();
  for (const set of [CRITERIA_TAN_UYEN_2023, CRITERIA_2026]) {
    if (await repo.findByCodeVersion(handle.db, set.code, set.version)) continue;
    const definition = parseDefinition(set);
    await repo.insertCriteriaSet(handle.db, newSetRow(definition, 'published', null, at));
  }
}
