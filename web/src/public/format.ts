import { formatDateVi } from '../../../domain/text/format';
import type { Language } from './i18n';

/** dd/MM/yyyy in both languages, as officials read dates. */
export const formatDate = (iso: string): string => formatDateVi(iso);

/** 1.234,5 in Vietnamese, 1,234.5 in English. */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', { maximumFractionDigits }).format(
    value,
  );
}

export function formatPercent(value: number, language: Language): string {
  return `${formatNumber(value, language)}%`;
}
