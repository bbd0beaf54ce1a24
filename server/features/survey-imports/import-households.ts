import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import { newRecordUid } from '../../db/uid.js';
import { HOUSEHOLD_IMPORT_COLUMNS } from '../../../domain/surveys/import-columns.js';
import { formatCell } from '../../../domain/surveys/import-values.js';
import { memberCanon, memberKeyOf, type ImportIssue } from '../../../domain/surveys/import-household.js';
import {
  birthKeyOf,
  flagToDb,
  HOUSEHOLD_FLAGS,
  RESIDENT_FLAGS,
  type HouseholdInput,
} from '../../../domain/surveys/schemas.js';
import type { AssembledHousehold } from './import-groups.js';
import type { ImportSink } from './import-writer.js';
import {
  householdDigest,
  householdValues,
  loadHouseholdDetail,
  memberValues,
  type IndexedHousehold,
  type MemberValues,
  type ResidentRow,
} from './survey-imports.repository.js';
import { HOUSEHOLD_SQL_COLUMNS, RESIDENT_SQL_COLUMNS } from '../../db/survey-columns.js';
import { pushTo } from '../../../domain/collections/group.js';

export { HOUSEHOLD_SQL_COLUMNS, RESIDENT_SQL_COLUMNS };

/*
 * The households plan (issue 4 §6): each household assembled and validated from its rows (import-groups.ts) is
 * compared with the current household of the same local code: add, change or unchanged. Members match by name and birth year within the
 * household (case, accents and spacing aside). Only the differences go to the sink: an unchanged household writes
 * nothing, a changed one closes and re-inserts only the versions that differ.
 */

/** What changed in one household, for the dry-run list. */
export interface FieldChange {
  column: string;
  member?: string;
  before: string;
  after: string;
}

export interface PlannedChange {
  row: number;
  action: 'add' | 'change' | 'unchanged';
  key: string;
  /** Changed columns as labels ("Tài khoản thanh toán (Trần Thị Bình)"), for a one-line summary. */
  fields?: string[];
  /** The same changes with their old and new values. */
  diff?: FieldChange[];
}

/** A change as a change list entry: labels for the summary, values for the detail. */
export function describeChange(row: number, key: string, diff: FieldChange[], max = 20): PlannedChange {
  const listed = diff.slice(0, max);
  return {
    row,
    action: 'change',
    key,
    fields: listed.map((f) => (f.member ? `${f.column} (${f.member})` : f.column)),
    diff: listed,
  };
}

export interface PlanOutput {
  added: number;
  changed: number;
  unchanged: number;
  /** Issues found beyond the listed ones: counted, not kept. */
  overflow: number;
  /** Called per household; the service keeps the first 500. */
  onChange(change: PlannedChange): void;
}

const householdColumns = HOUSEHOLD_IMPORT_COLUMNS.filter((c) => c.household && c.field !== 'localCode');
const memberColumns = HOUSEHOLD_IMPORT_COLUMNS.filter((c) => !c.household);
const MAX_FIELDS_LISTED = 20;

// The row builders run once per imported record (1.28M times for 1M residents): plain pushes, no spread or map.
function householdRow(uid: string, hamletId: number, h: HouseholdInput): unknown[] {
  const row: unknown[] = [uid, hamletId, h.localCode, h.address ?? null, h.street ?? null, h.residency];
  for (let i = 0; i < HOUSEHOLD_FLAGS.length; i++) row.push(flagToDb(h[HOUSEHOLD_FLAGS[i]]));
  return row;
}

function residentRow(uid: string, householdUid: string, hamletId: number, m: MemberValues): unknown[] {
  const row: unknown[] = [
    uid,
    householdUid,
    hamletId,
    m.fullName,
    m.birthYear,
    m.birthDate ?? null,
    birthKeyOf(m),
    m.sex,
    m.residency,
    m.isHead ? 1 : 0,
    m.vneidLevel ?? null,
  ];
  for (let i = 0; i < RESIDENT_FLAGS.length; i++) row.push(flagToDb(m[RESIDENT_FLAGS[i]]));
  return row;
}

const show = (type: (typeof HOUSEHOLD_IMPORT_COLUMNS)[number]['type'], v: unknown) =>
  formatCell(type, v === false && type !== 'yesNo' ? null : v);

/**
 * Plans (and, with a sink, writes) every household in `rows`. Issues are appended to `issues`; the sink stops
 * writing at the first one, and the caller decides whether anything is committed.
 */
export async function planHouseholds(opts: {
  db: Kysely<Database>;
  hamletId: number;
  /** Valid households in file order; their issues are already in `issues`. */
  households: AsyncIterable<AssembledHousehold[]>;
  index: Map<string, IndexedHousehold>;
  issues: ImportIssue[];
  /** Issues kept in `issues`; later ones only add to out.overflow, so a broken million-row file stays small. */
  maxIssues: number;
  sink: ImportSink | null;
  out: PlanOutput;
}): Promise<void> {
  const { db, hamletId, index, issues, maxIssues, sink, out } = opts;

  /** Plans one valid household; async only when a changed household must be read. */
  const plan = ({ row, code, household }: AssembledHousehold): Promise<void> | undefined => {
    const existing = index.get(code);
    if (!existing) {
      out.added++;
      out.onChange({ row, action: 'add', key: code });
      if (!sink) return;
      const uid = newRecordUid();
      sink.insert('households', householdRow(uid, hamletId, household));
      // residentRow reads named fields only, so the members' (absent) uid need not be stripped here.
      for (const m of household.members)
        sink.insert('residents', residentRow(newRecordUid(), uid, hamletId, m));
      return;
    }
    const members = household.members.map(({ uid: _uid, ...m }) => m);
    if (householdDigest(household, members) === existing.digest) {
      out.unchanged++;
      out.onChange({ row, action: 'unchanged', key: code });
      return;
    }
    return planChange(row, code, household, members, existing);
  };

  /** A household whose digest differs: read its current members and plan only the versions that changed. */
  const planChange = async (
    row: number,
    code: string,
    household: HouseholdInput,
    members: MemberValues[],
    existing: IndexedHousehold,
  ): Promise<void> => {
    const current = await loadHouseholdDetail(db, existing.uid);
    if (!current) {
      // Closed since the index was read; the commit would fail anyway, so report it as a concurrent change.
      issues.push({ row, column: '', code: 'SURVEY_IMPORT_CONCURRENT_CHANGE', params: {} });
      return;
    }
    out.changed++;
    const fields: FieldChange[] = [];
    const before = householdValues(current.household);
    const householdChanged = householdColumns.some((c) => {
      const a = before[c.field as keyof typeof before] ?? null;
      const b = household[c.field as keyof typeof household] ?? null;
      if (a === b) return false;
      fields.push({ column: c.header, before: show(c.type, a), after: show(c.type, b) });
      return true;
    });
    // Folded keys may collide in the database ("Lan" and "Lân", born the same year): a name typed exactly wins.
    const existingByKey = new Map<string, ResidentRow[]>();
    for (const r of current.members) {
      const key = memberKeyOf(r.fullName, Number(r.birthYear));
      pushTo(existingByKey, key, r);
    }
    const takeExisting = (m: MemberValues): ResidentRow | undefined => {
      const key = memberKeyOf(m.fullName, m.birthYear);
      const candidates = existingByKey.get(key);
      if (!candidates) return undefined;
      const at = Math.max(
        0,
        candidates.findIndex((r) => r.fullName === m.fullName),
      );
      const [old] = candidates.splice(at, 1);
      if (candidates.length === 0) existingByKey.delete(key);
      return old;
    };
    const writes: Array<() => void> = [];
    if (householdChanged && sink) {
      writes.push(() => sink.close('households', existing.uid, existing.validFrom));
      writes.push(() => sink.insert('households', householdRow(existing.uid, hamletId, household)));
    }
    for (const m of members) {
      const old = takeExisting(m);
      if (!old) {
        fields.push({ column: 'Họ và tên', member: m.fullName, before: '', after: m.fullName });
        if (sink)
          writes.push(() => sink.insert('residents', residentRow(newRecordUid(), existing.uid, hamletId, m)));
        continue;
      }
      const oldValues = memberValues(old);
      if (memberCanon(oldValues) === memberCanon(m)) continue;
      for (const c of memberColumns) {
        const a = oldValues[c.field as keyof MemberValues] ?? null;
        const b = m[c.field as keyof MemberValues] ?? null;
        if (a !== b)
          fields.push({
            column: c.header,
            member: m.fullName,
            before: show(c.type, a),
            after: show(c.type, b),
          });
      }
      if (sink) {
        writes.push(() => sink.close('residents', old.uid, old.validFrom));
        writes.push(() => sink.insert('residents', residentRow(old.uid, existing.uid, hamletId, m)));
      }
    }
    for (const gone of [...existingByKey.values()].flat()) {
      fields.push({ column: 'Họ và tên', member: gone.fullName, before: gone.fullName, after: '' });
      if (sink) writes.push(() => sink.close('residents', gone.uid, gone.validFrom));
    }
    for (const write of writes) write();
    out.onChange(describeChange(row, code, fields, MAX_FIELDS_LISTED));
  };

  for await (const batch of opts.households) {
    if (issues.length > maxIssues) out.overflow += issues.splice(maxIssues).length;
    if (issues.length > 0) sink?.stop();
    await sink?.drain();
    for (const assembled of batch) {
      // Only a changed household waits for a read; the common path stays synchronous.
      const pending = plan(assembled);
      if (pending) await pending;
    }
  }
  if (issues.length > maxIssues) out.overflow += issues.splice(maxIssues).length;
}
