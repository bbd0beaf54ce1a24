import {
  birthKeyOf,
  flagToDb,
  HOUSEHOLD_FLAGS,
  RESIDENT_FLAGS,
  type ResidentInput,
} from '../../../domain/surveys/schemas.js';
import type { HouseholdValues, MemberValues } from '../../../domain/surveys/household-diff.js';
import type { RecordFields } from '../surveys/versioned.repository.js';

/* API values (true/false/null flags, booleans) to stored columns (1/0/NULL), for the parts a diff changes. */

type Fields = Record<string, unknown>;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : (v ?? null));

export function householdFields(changes: Partial<HouseholdValues>): Partial<RecordFields<'households'>> {
  const out: Fields = {};
  for (const [key, value] of Object.entries(changes)) {
    out[key] = (HOUSEHOLD_FLAGS as readonly string[]).includes(key)
      ? flagToDb(value as boolean | null)
      : blankToNull(value);
  }
  return out as Partial<RecordFields<'households'>>;
}

function memberFields(values: Partial<ResidentInput>): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'uid') continue;
    if ((RESIDENT_FLAGS as readonly string[]).includes(key)) out[key] = flagToDb(value as boolean | null);
    else if (key === 'isHead') out[key] = value ? 1 : 0;
    else out[key] = blankToNull(value);
  }
  return out;
}

/** The stored columns a member's changes touch; the birth key follows the birth year and date. */
export function memberChangeFields(
  existing: MemberValues,
  changes: Partial<ResidentInput>,
): Partial<RecordFields<'residents'>> {
  const out = memberFields(changes);
  if ('birthYear' in changes || 'birthDate' in changes)
    out.birthKey = birthKeyOf({ ...existing, ...changes });
  return out as Partial<RecordFields<'residents'>>;
}

/** Every stored column of a new member (newborn, moved in, or revived under its old uid). */
export function newMemberFields(
  member: ResidentInput,
  householdUid: string,
  hamletId: number,
): RecordFields<'residents'> {
  return {
    ...(memberFields({ ...member, birthDate: member.birthDate ?? null }) as Partial<
      RecordFields<'residents'>
    >),
    householdUid,
    hamletId,
    fullName: member.fullName,
    birthYear: member.birthYear,
    sex: member.sex,
    residency: member.residency,
    birthKey: birthKeyOf(member),
  };
}
