/** The five roles, from the city office down to read-only viewers (GLOSSARY.md). */
export const ROLE_IDS = ['city_admin', 'commune_officer', 'hamlet_head', 'team_member', 'viewer'] as const;
export type RoleId = (typeof ROLE_IDS)[number];

/**
 * Whether an account of this role must be given at least one unit in scope. Only a city admin may go without:
 * a city admin with no scope units sees the whole tree.
 */
export function roleNeedsScope(role: RoleId): boolean {
  return role !== 'city_admin';
}

/** What the logged-in user may do in the app as a whole; the web shows menus from this, never from the role. */
export interface RoleAbilities {
  canManageUsers: boolean;
  canReadAudit: boolean;
  canImportUnits: boolean;
  /** Create, rename or retype units; a commune officer only for the hamlets in their scope (checked per unit). */
  canEditUnits: boolean;
}

/** The app-wide abilities of a role. Per-record checks (is this unit in scope?) still happen on each request. */
export function abilitiesForRole(role: RoleId): RoleAbilities {
  const isCityAdmin = role === 'city_admin';
  return {
    canManageUsers: isCityAdmin,
    canReadAudit: isCityAdmin,
    canImportUnits: isCityAdmin,
    canEditUnits: isCityAdmin || role === 'commune_officer',
  };
}
