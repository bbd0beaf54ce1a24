import dayjs from 'dayjs';
import { formatDateVi } from '../../../domain/text/format';

/** dd/MM/yyyy for an ISO date or timestamp; officials read dates this way in both languages. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return formatDateVi(iso.slice(0, 10));
}

/** dd/MM/yyyy HH:mm in the browser's time zone, for audit timestamps. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.format('DD/MM/YYYY HH:mm') : iso;
}

/** Numbers as the reader's language writes them: 1.234,5 in Vietnamese, 1,234.5 in English. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits }).format(
    value,
  );
}

/** Today's date as yyyy-MM-dd in the browser's time zone. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

export const DATE_FORMAT = 'DD/MM/YYYY';
