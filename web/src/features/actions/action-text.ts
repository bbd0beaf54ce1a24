import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../ui/format';
import { forecastMonth } from '../../../../domain/forecast/forecast';
import type { ActionListCriterion, ActionRow, CriterionForecast, StreetGroup } from './actions-api';

/* Texts shared by the screen view and the print view, so both say the same thing the same way. */

/** "Tài khoản thanh toán số; chưa rõ: Điện thoại thông minh". */
export function whyText(row: ActionRow, t: TFunction): string {
  const label = (f: string) => t(`actions.fields.${f}`, { defaultValue: f });
  const parts: string[] = [];
  if (row.missing.length) parts.push(row.missing.map(label).join(', '));
  if (row.unknown.length) parts.push(`${t('actions.verdict.unknown')}: ${row.unknown.map(label).join(', ')}`);
  if (parts.length === 0) parts.push(t(`actions.verdict.${row.verdict}`));
  return parts.join('; ');
}

/** "Cần thêm 42 người", or that it cannot be said yet. */
export function gapText(criterion: ActionListCriterion, t: TFunction, language: string): string {
  if (criterion.gap === null) return t('actions.gapUnknown');
  return t('actions.gap', {
    count: formatNumber(criterion.gap, language, 0) as unknown as number,
    unit: t(`actions.units.${criterion.gapUnit ?? 'items'}`),
  });
}

export function forecastText(c: CriterionForecast, t: TFunction): string {
  const f = c.forecast;
  if (f.kind === 'eta') return t('actions.forecast.eta', { month: forecastMonth(f.date) });
  return t(`actions.forecast.${f.kind}`);
}

/** "62,5 % / 85 %" for ratios, "1 / 2" for counts. */
export function valueText(c: CriterionForecast, language: string): string {
  if (c.latestValue === null || c.target === null) return '—';
  const unit = c.valueUnit === 'percent' ? ' %' : '';
  return `${formatNumber(c.latestValue, language)}${unit} / ${formatNumber(c.target.value, language)}${unit}`;
}

export function visitDate(iso: string | null): string {
  return iso ? formatDate(new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString()) : '';
}

/** Rows in street → household order, flattened with their street, for tables. */
export function flatten(groups: StreetGroup[]): ActionRow[] {
  return groups.flatMap((s) => s.households.flatMap((h) => h.rows));
}
