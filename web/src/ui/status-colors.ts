/**
 * The traffic-light colours of criterion statuses, defined once so every page (dashboards, scorecards, action
 * lists, rounds, public pages) shows "đạt" in the same green. Values are antd's palette, readable on white.
 */
export type CriterionStatus = 'met' | 'not_met' | 'not_assessable';
/** The engine's fourth status, for criteria a set switches off when there is nothing to count (shown grey). */
export type AnyCriterionStatus = CriterionStatus | 'not_applicable';

export const STATUS_COLORS: Readonly<Record<CriterionStatus, string>> = {
  met: '#389e0d',
  not_met: '#cf1322',
  not_assessable: '#d48806',
};

/** A status that is none of the three verdicts: work under way (e.g. a hamlet with some criteria met). */
export const IN_PROGRESS_COLOR = '#1677ff';
/** Neutral grey for "no data at all" (a unit that was not assessed). */
export const NO_DATA_COLOR = '#8c8c8c';

export function statusColor(status: AnyCriterionStatus): string {
  return status === 'not_applicable' ? NO_DATA_COLOR : STATUS_COLORS[status];
}

/** The order officials read statuses in: what is done, what is missing, what cannot be judged. */
export const STATUS_ORDER: readonly CriterionStatus[] = ['met', 'not_met', 'not_assessable'];
