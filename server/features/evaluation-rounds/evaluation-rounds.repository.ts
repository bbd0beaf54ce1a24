import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, SubmissionStatus } from '../../db/tables.js';

type Q = Kysely<Database>;

export async function insertRound(db: Q, row: Insertable<Database['evaluationRounds']>): Promise<number> {
  const { id } = await db
    .insertInto('evaluationRounds')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertRoundWards(db: Q, roundId: number, wardIds: number[]): Promise<void> {
  await db
    .insertInto('evaluationRoundWards')
    .values(wardIds.map((wardId) => ({ roundId, wardId })))
    .execute();
}

export async function updateRound(db: Q, id: number, patch: Updateable<Database['evaluationRounds']>) {
  await db.updateTable('evaluationRounds').set(patch).where('id', '=', id).execute();
}

const ROUND_COLUMNS = [
  'r.id',
  'r.name',
  'r.assessmentDate',
  'r.criteriaSetId',
  'c.name as criteriaSetName',
  'r.deadline',
  'r.status',
  'r.createdBy',
  'r.createdAt',
  'r.closedAt',
  'r.publishedAt',
] as const;

export type RoundRow = Awaited<ReturnType<typeof findRound>> & object;

export async function findRound(db: Q, id: number) {
  return db
    .selectFrom('evaluationRounds as r')
    .innerJoin('criteriaSets as c', 'c.id', 'r.criteriaSetId')
    .select(ROUND_COLUMNS)
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** Rounds newest first; `wardIds` keeps only rounds in which one of those wards takes part (null = all). */
export async function listRounds(db: Q, wardIds: number[] | null) {
  let query = db
    .selectFrom('evaluationRounds as r')
    .innerJoin('criteriaSets as c', 'c.id', 'r.criteriaSetId')
    .select(ROUND_COLUMNS)
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc');
  if (wardIds !== null) {
    if (wardIds.length === 0) return [];
    query = query.where('r.id', 'in', (eb) =>
      eb.selectFrom('evaluationRoundWards').select('roundId').where('wardId', 'in', wardIds),
    );
  }
  return query.execute();
}

/** Per round: wards taking part, wards whose submission is awaiting review or approved, and approved ones. */
export async function roundCounts(db: Q, roundIds: number[]) {
  const out = new Map<number, { wardCount: number; submittedCount: number; approvedCount: number }>();
  if (roundIds.length === 0) return out;
  for (const id of roundIds) out.set(id, { wardCount: 0, submittedCount: 0, approvedCount: 0 });
  const wards = await db
    .selectFrom('evaluationRoundWards')
    .select(['roundId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('roundId', 'in', roundIds)
    .groupBy('roundId')
    .execute();
  for (const w of wards) out.get(w.roundId)!.wardCount = Number(w.n);
  const subs = await db
    .selectFrom('evaluationSubmissions')
    .select(['roundId', 'status'])
    .where('roundId', 'in', roundIds)
    .execute();
  for (const s of subs) {
    const counts = out.get(s.roundId)!;
    if (s.status !== 'returned') counts.submittedCount += 1;
    if (s.status === 'approved') counts.approvedCount += 1;
  }
  return out;
}

export async function roundWardIds(db: Q, roundId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('evaluationRoundWards')
    .select('wardId')
    .where('roundId', '=', roundId)
    .orderBy('wardId')
    .execute();
  return rows.map((r) => r.wardId);
}

/**
 * Unit names as they were on `date`, falling back to the current name for a unit with no period that day. Two
 * hamlets of one ward can share a name after a merger ("Khu phố 1" from each old ward); those get their local code
 * appended, so rankings and reports never show two identical rows.
 */
export async function unitNamesOn(db: Q, ids: number[], date: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const units = await db
    .selectFrom('adminUnits')
    .select(['id', 'name', 'parentId', 'localCode', 'level'])
    .where('id', 'in', ids)
    .execute();
  const parents = new Map<number, number | null>();
  for (const u of units) {
    out.set(u.id, u.name);
    parents.set(u.id, u.parentId);
  }
  const periods = await db
    .selectFrom('adminUnitPeriods')
    .select(['unitId', 'name', 'parentId'])
    .where('unitId', 'in', ids)
    .where('validFrom', '<=', date)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', date)]))
    .execute();
  for (const p of periods) {
    out.set(p.unitId, p.name);
    parents.set(p.unitId, p.parentId);
  }
  const seen = new Map<string, number>();
  for (const u of units) {
    if (u.level !== 'hamlet') continue;
    const key = `${parents.get(u.id)}/${out.get(u.id)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  for (const u of units) {
    const key = `${parents.get(u.id)}/${out.get(u.id)}`;
    if (u.level === 'hamlet' && u.localCode && (seen.get(key) ?? 0) > 1)
      out.set(u.id, `${out.get(u.id)} (${u.localCode})`);
  }
  return out;
}

export async function findSubmission(db: Q, roundId: number, wardId: number) {
  return db
    .selectFrom('evaluationSubmissions')
    .selectAll()
    .where('roundId', '=', roundId)
    .where('wardId', '=', wardId)
    .executeTakeFirst();
}

export async function listSubmissions(db: Q, roundId: number) {
  return db
    .selectFrom('evaluationSubmissions as s')
    .leftJoin('users as u', 'u.id', 's.submittedBy')
    .selectAll('s')
    .select('u.displayName as submittedByName')
    .where('s.roundId', '=', roundId)
    .execute();
}

export async function insertSubmission(
  db: Q,
  row: Insertable<Database['evaluationSubmissions']>,
): Promise<number> {
  const { id } = await db
    .insertInto('evaluationSubmissions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Moves a submission from one status to the next, only if it is still in `from`: the WHERE on status makes two
 * concurrent reviews or submissions race safely (the loser updates nothing and gets a conflict).
 */
export async function transitionSubmission(
  db: Q,
  id: number,
  from: SubmissionStatus,
  patch: Updateable<Database['evaluationSubmissions']>,
): Promise<boolean> {
  const res = await db
    .updateTable('evaluationSubmissions')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function replaceSubmissionHamlets(
  db: Q,
  submissionId: number,
  rows: Array<Omit<Insertable<Database['evaluationRoundHamlets']>, 'submissionId'>>,
): Promise<void> {
  await db.deleteFrom('evaluationRoundHamlets').where('submissionId', '=', submissionId).execute();
  if (rows.length > 0)
    await db
      .insertInto('evaluationRoundHamlets')
      .values(rows.map((r) => ({ ...r, submissionId })))
      .execute();
}

export async function listSubmissionHamlets(db: Q, submissionIds: number[]) {
  if (submissionIds.length === 0) return [];
  return db
    .selectFrom('evaluationRoundHamlets')
    .selectAll()
    .where('submissionId', 'in', submissionIds)
    .orderBy('submissionId')
    .orderBy('hamletId')
    .execute();
}

const EVIDENCE_COLUMNS = ['id', 'roundId', 'wardId', 'filename', 'mime', 'size', 'uploadedAt'] as const;

export async function insertEvidence(
  db: Q,
  row: Insertable<Database['evaluationEvidence']>,
): Promise<number> {
  const { id } = await db
    .insertInto('evaluationEvidence')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listEvidence(db: Q, roundId: number) {
  return db
    .selectFrom('evaluationEvidence')
    .select(EVIDENCE_COLUMNS)
    .where('roundId', '=', roundId)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
}

export async function findEvidence(db: Q, roundId: number, evidenceId: number) {
  return db
    .selectFrom('evaluationEvidence')
    .select(EVIDENCE_COLUMNS)
    .where('roundId', '=', roundId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}

export async function readEvidenceContent(db: Q, evidenceId: number): Promise<Buffer | undefined> {
  const row = await db
    .selectFrom('evaluationEvidence')
    .select('content')
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  return row ? Buffer.from(row.content) : undefined;
}

export async function deleteEvidence(db: Q, evidenceId: number): Promise<void> {
  await db.deleteFrom('evaluationEvidence').where('id', '=', evidenceId).execute();
}

/** The round's audit entries (its timeline), oldest first, with the actor's display name. */
export async function roundAuditEntries(db: Q, roundId: number) {
  return db
    .selectFrom('auditLog as a')
    .leftJoin('users as u', 'u.id', 'a.actorId')
    .select(['a.id', 'a.at', 'a.action', 'a.after', 'a.actorName', 'u.displayName'])
    .where('a.entity', '=', 'evaluation_round')
    .where('a.entityId', '=', String(roundId))
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
}
