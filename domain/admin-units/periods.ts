import type { PeriodReason } from './constants.js';
import { addDays, type DateSpan } from './dates.js';

/** One span of a unit's history with one name, type and parent (a row of admin_unit_periods). */
export interface UnitPeriodState extends DateSpan {
  name: string;
  type: string;
  parentId: number | null;
}

export type PeriodChangeError =
  /** The change would start on or before the day the current period began. */
  | 'CHANGE_DATE_NOT_AFTER_CURRENT'
  /** The change would start after the unit stopped existing. */
  | 'CHANGE_DATE_AFTER_UNIT_END';

export type PeriodChangePlan =
  | {
      ok: true;
      /** The current period, now ending the day before the change. */
      closed: UnitPeriodState;
      /** The new current period, running to where the old one ran. */
      opened: UnitPeriodState & { reason: PeriodReason };
    }
  | { ok: false; error: PeriodChangeError };

/**
 * Splits a unit's current (latest) period at `effectiveDate` for a rename, type change or move: the current period
 * ends on effectiveDate − 1 day and a new one with the changed fields opens on effectiveDate, keeping the old end.
 * History is never rewritten, so a change can only start after the current period began, and not after the unit
 * itself ended (`unit.validTo`).
 */
export function planPeriodChange(
  current: UnitPeriodState,
  unit: DateSpan,
  effectiveDate: string,
  change: Partial<Pick<UnitPeriodState, 'name' | 'type' | 'parentId'>>,
  reason: PeriodReason,
): PeriodChangePlan {
  if (effectiveDate <= current.validFrom) return { ok: false, error: 'CHANGE_DATE_NOT_AFTER_CURRENT' };
  if (unit.validTo !== null && effectiveDate > unit.validTo)
    return { ok: false, error: 'CHANGE_DATE_AFTER_UNIT_END' };
  if (current.validTo !== null && effectiveDate > current.validTo)
    return { ok: false, error: 'CHANGE_DATE_AFTER_UNIT_END' };
  return {
    ok: true,
    closed: { ...current, validTo: addDays(effectiveDate, -1) },
    opened: {
      name: change.name ?? current.name,
      type: change.type ?? current.type,
      parentId: change.parentId === undefined ? current.parentId : change.parentId,
      validFrom: effectiveDate,
      validTo: current.validTo,
      reason,
    },
  };
}

/**
 * The period in force on `isoDate`, or, when the unit did not exist that day, its latest period (its current state).
 * Periods of a unit never overlap, so at most one matches.
 */
export function periodOn<P extends DateSpan>(periods: readonly P[], isoDate: string): P | undefined {
  const sorted = [...periods].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
  );
  return (
    sorted.find((p) => p.validFrom <= isoDate && (p.validTo === null || p.validTo >= isoDate)) ??
    sorted[sorted.length - 1]
  );
}
