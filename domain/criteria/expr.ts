/**
 * The contract between the pure scoring engine and the database: a criteria set compiles to counters, and each
 * counter is a condition over one table's columns, written in this small SQL-agnostic expression tree. The server
 * turns every counter into `sum(case when <expr> then 1 else 0 end)` in ONE aggregate pass per table, grouped by
 * hamlet. Comparisons follow SQL's three-valued logic: a comparison on a NULL (unknown) column is unknown, so
 * `eq(flag, 1)` counts only yes and `not(eq(flag, 1))` counts only no — unknown is never counted as no.
 */

/** Tables the engine can count over. */
export type Subject = 'residents' | 'households' | 'businesses' | 'wifiPoints';

/** Columns of each subject the engine may read (camelCase; the server maps them to snake_case). */
export const SUBJECT_COLUMNS = {
  residents: [
    'sex', // 'male' | 'female'
    'residency', // 'permanent' | 'temporary'
    'birthKey', // ISO date: the full birth date, or yyyy-01-01 when only the year is known
    'vneidLevel', // 0 | 1 | 2 | null
    'onlinePublicServiceAccount', // tri-state flags below: 1 yes, 0 no, null unknown
    'canUseOnlinePublicService',
    'digitalPaymentAccount',
    'smartDevice',
    'telehealthInformed',
    'onlineMedicalBooking',
    'digitalSkillsCoached',
    'electronicHealthRecord',
  ],
  households: ['residency', 'fixedBroadband', 'mobileBroadband', 'inDigitalChannel', 'reachedByOutreach'],
  businesses: [
    'kind',
    'acceptsCashless',
    'ecommerceEligible',
    'listedOnline',
    'ocopStars',
    'traceability',
    'isFarmProduct',
  ],
  wifiPoints: ['isWorking'],
} as const satisfies Record<Subject, readonly string[]>;

export type ColumnOf<S extends Subject> = (typeof SUBJECT_COLUMNS)[S][number];
export type AnyColumn = ColumnOf<Subject>;

export type Expr =
  | { op: 'true' }
  | { op: 'and' | 'or'; args: Expr[] }
  | { op: 'not'; arg: Expr }
  | { op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; column: AnyColumn; value: string | number }
  | { op: 'in'; column: AnyColumn; values: Array<string | number> }
  | { op: 'isNull'; column: AnyColumn }
  /** Households only: some current member of the household satisfies `where` (a resident expression). */
  | { op: 'existsMember'; where: Expr };

/** One number to compute per hamlet: how many rows of `subject` satisfy `when`. */
export interface Counter {
  id: string;
  subject: Subject;
  when: Expr;
}

/** Counter values of one unit (a hamlet, or a sum over hamlets), by counter id; facts are separate. */
export type CounterValues = Record<string, number>;
