import { HISTORIC_START } from '../../../../domain/admin-units/constants';
import { isValidOn, type DateSpan } from '../../../../domain/admin-units/dates';
import { formatDate } from '../../ui/format';

/*
 * Validity spans are inclusive at both ends (domain/admin-units/dates.ts): an old ward ends on validTo 2025-06-30
 * and its successor starts on validFrom 2025-07-01.
 */

export { isValidOn };

/** The as-of date to view a unit at: the current one if the unit exists then, else the nearest day it existed. */
export function asOfWithinValidity(unit: DateSpan, asOf: string): string {
  if (isValidOn(unit, asOf)) return asOf;
  if (asOf < unit.validFrom) return unit.validFrom;
  return unit.validTo ?? asOf;
}

/**
 * "01/07/2025 – nay", or "… – 30/06/2025" for a unit that existed before our records begin (HISTORIC_START);
 * `present` is the localised word for "now".
 */
export function formatValidity(unit: DateSpan, present: string): string {
  const from = unit.validFrom <= HISTORIC_START ? '…' : formatDate(unit.validFrom);
  return `${from} – ${unit.validTo ? formatDate(unit.validTo) : present}`;
}
