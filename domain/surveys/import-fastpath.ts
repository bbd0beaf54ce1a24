import { regexes } from 'zod';
import {
  ADDRESS_MAX,
  FULL_NAME_MAX,
  HOUSEHOLD_FLAGS,
  LOCAL_CODE_MAX,
  MEMBERS_PER_HOUSEHOLD_MAX,
  RESIDENT_FLAGS,
  type HouseholdInput,
} from './schemas.js';

/*
 * A hand-written twin of HouseholdInputSchema for the importer's common case. Parsing a member through zod costs
 * about 5 µs, a second or more per 200,000 rows; a household whose values this check finds ordinary gets the very
 * output zod would give (same keys, same order, same values), anything else — an error, an odd shape, a member
 * uid — returns null and goes through the schema, so accepted rows and error messages stay the schema's own.
 */

const MEMBER_KEYS = new Set([
  'fullName',
  'birthYear',
  'birthDate',
  'sex',
  'residency',
  'isHead',
  'vneidLevel',
  ...RESIDENT_FLAGS,
]);
const HOUSEHOLD_KEYS = new Set([
  'localCode',
  'address',
  'street',
  'residency',
  ...HOUSEHOLD_FLAGS,
  'members',
]);

const isTriState = (v: unknown) => v === null || v === true || v === false;
const isResidency = (v: unknown) => v === 'permanent' || v === 'temporary';
/** A trimmed string of 1..max characters (zod trims, then checks the length). */
const isText = (v: unknown, max: number) =>
  typeof v === 'string' && v.length >= 1 && v.length <= max && v.trim() === v;
const isOptionalText = (v: unknown, max: number) =>
  v === null || v === undefined || (typeof v === 'string' && v.length <= max && v.trim() === v);

function hasOnly(o: Record<string, unknown>, keys: Set<string>): boolean {
  for (const k in o) if (!keys.has(k)) return false;
  return true;
}

type Member = HouseholdInput['members'][number];

function fastMember(m: Record<string, unknown>): Member | null {
  if (!hasOnly(m, MEMBER_KEYS)) return null;
  const { fullName, birthYear, birthDate, sex, residency, isHead, vneidLevel } = m;
  if (!isText(fullName, FULL_NAME_MAX)) return null;
  if (typeof birthYear !== 'number' || !Number.isInteger(birthYear) || birthYear < 1880 || birthYear > 2200)
    return null;
  if ('birthDate' in m) {
    if (typeof birthDate !== 'string' || !regexes.date.test(birthDate)) return null;
    if (Number(birthDate.slice(0, 4)) !== birthYear) return null;
  }
  if (sex !== 'male' && sex !== 'female') return null;
  if (!isResidency(residency)) return null;
  if (typeof isHead !== 'boolean') return null;
  if (vneidLevel !== null && vneidLevel !== 0 && vneidLevel !== 1 && vneidLevel !== 2) return null;
  for (const f of RESIDENT_FLAGS) if (!isTriState(m[f])) return null;
  if (m.canUseOnlinePublicService === true && m.onlinePublicServiceAccount === false) return null;
  // The schema's key order: uid?, fullName, birthYear, birthDate?, sex, residency, isHead, vneidLevel, flags.
  const out: Record<string, unknown> = { fullName, birthYear };
  if ('birthDate' in m) out.birthDate = birthDate;
  out.sex = sex;
  out.residency = residency;
  out.isHead = isHead;
  out.vneidLevel = vneidLevel;
  for (const f of RESIDENT_FLAGS) out[f] = m[f];
  return out as Member;
}

/**
 * The output of HouseholdInputSchema.parse for an ordinary household, or null when the schema must decide.
 * Expects the importer's shapes: every household flag and member flag present (null when unknown).
 */
export function fastHousehold(
  household: Record<string, unknown>,
  members: Array<Record<string, unknown>>,
): HouseholdInput | null {
  if (!hasOnly(household, HOUSEHOLD_KEYS) || 'members' in household) return null;
  if (!isText(household.localCode, LOCAL_CODE_MAX)) return null;
  if (!isOptionalText(household.address, ADDRESS_MAX) || !isOptionalText(household.street, ADDRESS_MAX))
    return null;
  if (!isResidency(household.residency)) return null;
  for (const f of HOUSEHOLD_FLAGS) if (!isTriState(household[f])) return null;
  if (members.length > MEMBERS_PER_HOUSEHOLD_MAX) return null;
  const parsed: Member[] = [];
  let heads = 0;
  for (const m of members) {
    const member = fastMember(m);
    if (!member) return null;
    if (member.isHead && ++heads > 1) return null;
    parsed.push(member);
  }
  const out: Record<string, unknown> = { localCode: household.localCode };
  if ('address' in household) out.address = household.address;
  if ('street' in household) out.street = household.street;
  out.residency = household.residency;
  for (const f of HOUSEHOLD_FLAGS) out[f] = household[f];
  out.members = parsed;
  return out as HouseholdInput;
}
