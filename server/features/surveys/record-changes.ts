/** A yes/no/unknown answer as stored: 1, 0 or null (see migration 0002). */
export function toFlag(value: boolean | null | undefined): number | null {
  return value === undefined || value === null ? null : value ? 1 : 0;
}

/** A stored tri-state flag as the API shows it: true, false or null (unknown). */
export function fromFlag(value: number | null): boolean | null {
  return value === null ? null : value === 1;
}

/** Blank text means "not given": stored as null so that "" and null never count as two different values. */
export function blankToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/**
 * The entries of `candidate` whose value differs from `current` (undefined entries are ignored). An empty
 * result means the write would change nothing, so no new version is recorded.
 */
export function changedFields<T extends object>(current: T, candidate: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(candidate) as Array<keyof T>) {
    const value = candidate[key];
    if (value !== undefined && value !== current[key]) out[key] = value;
  }
  return out;
}
