/** Formats a number the Vietnamese way: 1.234,5 (dot for thousands, comma for decimals). */
export function formatNumberVi(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits }).format(value);
}

/** Turns an ISO date (yyyy-MM-dd) into the dd/MM/yyyy form Vietnamese officials read. */
export function formatDateVi(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * Parses a date as Vietnamese registers write it (dd/MM/yyyy, d/M/yyyy) or in ISO form, into yyyy-MM-dd.
 * Returns null for anything that is not a real calendar date, so 31/02/2025 is refused rather than rolled over.
 */
export function parseDateVi(text: string): string | null {
  const trimmed = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
