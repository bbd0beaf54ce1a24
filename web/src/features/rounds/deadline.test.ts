import { describe, expect, it } from 'vitest';
import { deadlineState } from './deadline';

describe('deadlineState', () => {
  it('counts whole days left before the deadline', () => {
    expect(deadlineState('2025-09-30', '2025-09-20')).toEqual({ kind: 'left', days: 10 });
    expect(deadlineState('2025-10-01', '2025-09-30')).toEqual({ kind: 'left', days: 1 });
  });

  it('treats the deadline day itself as still open', () => {
    expect(deadlineState('2025-09-30', '2025-09-30')).toEqual({ kind: 'today' });
  });

  it('reports a passed deadline from the next day on, across month and year ends', () => {
    expect(deadlineState('2025-09-30', '2025-10-01')).toEqual({ kind: 'passed' });
    expect(deadlineState('2025-12-31', '2026-01-01')).toEqual({ kind: 'passed' });
  });
});
