import dayjs from 'dayjs';

export type DeadlineState = { kind: 'passed' } | { kind: 'today' } | { kind: 'left'; days: number };

/**
 * Where a round's deadline stands on a given day. Submissions are accepted until the end of the deadline day,
 * so the deadline day itself is "today", not "passed".
 */
export function deadlineState(deadline: string, today: string): DeadlineState {
  const days = dayjs(deadline).startOf('day').diff(dayjs(today).startOf('day'), 'day');
  if (days < 0) return { kind: 'passed' };
  if (days === 0) return { kind: 'today' };
  return { kind: 'left', days };
}
