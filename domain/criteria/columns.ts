import { SUBJECT_COLUMNS, type Subject } from './expr.js';

/*
 * What kind of value each readable column holds, so a criteria definition can be checked before it is stored: a
 * misspelt business kind would otherwise count nothing, silently. Kept next to SUBJECT_COLUMNS (the fixed contract
 * in expr.ts) and checked against it by a test.
 */

export type ColumnKind =
  /** Tri-state flag stored as 1 yes, 0 no, NULL unknown. */
  | { type: 'flag' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'integer'; min: number; max: number }
  /** ISO date compared as text (yyyy-MM-dd sorts like the date). */
  | { type: 'date' };

const FLAG = { type: 'flag' } as const;

export const BUSINESS_KINDS = ['shop', 'household_business', 'farm', 'cooperative', 'other'] as const;
export const RESIDENCIES = ['permanent', 'temporary'] as const;

/** The kind of every column in SUBJECT_COLUMNS. */
export const COLUMN_KINDS: Record<Subject, Record<string, ColumnKind>> = {
  residents: {
    sex: { type: 'enum', values: ['male', 'female'] },
    residency: { type: 'enum', values: RESIDENCIES },
    birthKey: { type: 'date' },
    vneidLevel: { type: 'integer', min: 0, max: 2 },
    onlinePublicServiceAccount: FLAG,
    canUseOnlinePublicService: FLAG,
    digitalPaymentAccount: FLAG,
    smartDevice: FLAG,
    telehealthInformed: FLAG,
    onlineMedicalBooking: FLAG,
    digitalSkillsCoached: FLAG,
    electronicHealthRecord: FLAG,
  },
  households: {
    residency: { type: 'enum', values: RESIDENCIES },
    fixedBroadband: FLAG,
    mobileBroadband: FLAG,
    inDigitalChannel: FLAG,
    reachedByOutreach: FLAG,
  },
  businesses: {
    kind: { type: 'enum', values: BUSINESS_KINDS },
    acceptsCashless: FLAG,
    ecommerceEligible: FLAG,
    listedOnline: FLAG,
    // 1 to 5 stars; NULL means not certified, so a comparison on it is never true for those.
    ocopStars: { type: 'integer', min: 1, max: 5 },
    traceability: FLAG,
    isFarmProduct: FLAG,
  },
  wifiPoints: {
    isWorking: FLAG,
  },
};

/** True when `column` is readable on `subject` (listed in SUBJECT_COLUMNS). */
export function isColumnOf(subject: Subject, column: string): boolean {
  return (SUBJECT_COLUMNS[subject] as readonly string[]).includes(column);
}

/** Why `value` cannot be compared with `column` of `subject`, or null when it can. */
export function valueProblem(subject: Subject, column: string, value: unknown): string | null {
  const kind = COLUMN_KINDS[subject][column];
  if (!kind) return `unknown field "${column}" on ${subject}`;
  switch (kind.type) {
    case 'flag':
      return value === 0 || value === 1
        ? null
        : `"${column}" is a yes/no flag: compare it with 0 or 1, or use is: 'yes' | 'no'`;
    case 'enum':
      return typeof value === 'string' && kind.values.includes(value)
        ? null
        : `"${column}" takes one of ${kind.values.join(', ')}`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= kind.min && value <= kind.max
        ? null
        : `"${column}" is a whole number from ${kind.min} to ${kind.max}`;
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? null
        : `"${column}" is compared with an ISO date yyyy-MM-dd`;
  }
}
