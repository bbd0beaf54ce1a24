import type { Actor } from '../../policies/actor.js';
import type { AdminLevel } from '../../db/tables.js';

/*
 * Who may change the tree. Callers have already checked that the unit is in the actor's scope; these rules add the
 * role: the city office edits any unit, a commune officer only the hamlets of their ward or commune (names of
 * provinces, districts and communes are set by law, not by the ward).
 */

/** True when the actor may rename the unit or change its type. */
export function canEditUnit(actor: Actor, unit: { level: AdminLevel }): boolean {
  return actor.role === 'city_admin' || (actor.role === 'commune_officer' && unit.level === 'hamlet');
}

/**
 * True when the actor may add a hamlet under the unit, which must be a ward or commune. A ward that ended in 2025 is
 * allowed too, so that hamlets assessed before the reform can be recorded where they were.
 */
export function canAddHamletUnder(actor: Actor, unit: { level: AdminLevel }): boolean {
  return (actor.role === 'city_admin' || actor.role === 'commune_officer') && unit.level === 'commune';
}

/** True when the actor may import national or hamlet lists: they change reference data for everyone. */
export function canImportUnits(actor: Actor): boolean {
  return actor.role === 'city_admin';
}
