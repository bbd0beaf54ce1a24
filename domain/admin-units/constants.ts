/** Start date given to units that existed before our records begin; no real unit is dated this early. */
export const HISTORIC_START = '1900-01-01';

/**
 * Last day of the pre-reform tree: the district level and the 63 provinces end here
 * (Resolution 202/2025/QH15 and the 1654–1687/NQ-UBTVQH15 resolutions take effect the next day).
 */
export const REFORM_LAST_DAY_OLD = '2025-06-30';

/** First day of the two-level tree: 34 provinces, communes directly under them. */
export const REFORM_FIRST_DAY_NEW = '2025-07-01';

/** The four levels of the tree, from the top. */
export const UNIT_LEVELS = ['province', 'district', 'commune', 'hamlet'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** Why a period of a unit began (admin_unit_periods.reason). */
export const PERIOD_REASONS = ['created', 'renamed', 'type_changed', 'moved'] as const;
export type PeriodReason = (typeof PERIOD_REASONS)[number];

/** Lineage kinds: the whole old unit went into the new one, or only part of it. */
export const MERGE_TYPES = ['full', 'partial'] as const;
export type MergeType = (typeof MERGE_TYPES)[number];
