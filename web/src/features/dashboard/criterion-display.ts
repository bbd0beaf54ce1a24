import type { TFunction } from 'i18next';
import { formatNumber } from '../../ui/format';
import {
  criterionName,
  type Catalogue,
  type CatalogueCriterion,
  type CriterionResult,
} from './dashboard-api';

/*
 * How one criterion result reads on screen: its value, its target, its gap ("cần thêm 42 người") and, when it
 * cannot be assessed, which data is missing. Texts come from the dashboard locale files.
 */

export function targetText(c: CatalogueCriterion | undefined, t: TFunction, language: string): string {
  if (!c) return '';
  if (c.kind === 'anyOf' || c.kind === 'allOf') return t('dashboard.scorecard.parts');
  const value =
    c.targetPercent !== null
      ? `${formatNumber(c.targetPercent, language)}%`
      : c.targetCount !== null
        ? formatNumber(c.targetCount, language)
        : null;
  if (value === null) return t('dashboard.scorecard.targetYes');
  if (c.comparator === 'lte') return t('dashboard.scorecard.targetAtMost', { value });
  if (c.comparator === 'gt') return t('dashboard.scorecard.targetMoreThan', { value });
  return t('dashboard.scorecard.targetAtLeast', { value });
}

export function valueText(r: CriterionResult, t: TFunction, language: string): string {
  const v = r.value;
  if (!v) return '';
  if ('numerator' in v)
    return `${formatNumber(r.percent ?? 0, language)}% (${formatNumber(v.numerator, language)}/${formatNumber(v.denominator, language)})`;
  if ('count' in v) return formatNumber(v.count, language);
  if (v.fact === null) return t('dashboard.scorecard.valueFact.none');
  if (typeof v.fact === 'boolean') return t(`dashboard.scorecard.valueFact.${v.fact ? 'yes' : 'no'}`);
  return formatNumber(v.fact, language);
}

export function gapText(r: CriterionResult, t: TFunction, language: string): string {
  if (r.status === 'met' || r.status === 'not_applicable') return '';
  if (r.gap === null) return r.status === 'not_met' && r.gapUnit ? t('dashboard.scorecard.unreachable') : '';
  if (r.gap === 0 || !r.gapUnit) return '';
  return t(`dashboard.scorecard.gapText.${r.gapUnit}`, { n: formatNumber(r.gap, language) });
}

/** Which data is missing for a criterion that cannot be assessed, in a sentence; '' when it can be. */
export function missingDataText(
  r: CriterionResult,
  all: CriterionResult[],
  catalogue: Catalogue,
  t: TFunction,
  language: string,
): string {
  if (r.status !== 'not_assessable') return '';
  const what = criterionName(catalogue, r.code, language);
  switch (r.reason) {
    case 'unknown_answers':
      return t('dashboard.scorecard.reason.unknown_answers', {
        n: formatNumber(r.unknown, language),
        unit: t(`dashboard.scorecard.unit.${r.gapUnit ?? 'items'}`),
        what,
      });
    case 'zero_denominator':
      return t('dashboard.scorecard.reason.zero_denominator');
    case 'missing_fact':
      return t('dashboard.scorecard.reason.missing_fact', { what });
    case 'missing_evidence':
      return t('dashboard.scorecard.reason.missing_evidence', { what });
    default: {
      const parts = (r.parts ?? [])
        .map((code) => all.find((p) => p.code === code))
        .filter((p): p is CriterionResult => p !== undefined && p.status === 'not_assessable')
        .map((p) => missingDataText(p, all, catalogue, t, language))
        .filter(Boolean);
      return parts.length > 0 ? t('dashboard.scorecard.reason.composite', { parts: parts.join(' ') }) : '';
    }
  }
}

/**
 * How far a criterion is towards its target, 0–100, for the per-group bar charts: the value over the target for
 * ratios and counts, all or nothing for yes/no facts, and the best part for composites.
 */
export function progressPercent(
  r: CriterionResult,
  c: CatalogueCriterion | undefined,
  all: CriterionResult[],
): number {
  if (r.status === 'met') return 100;
  const v = r.value;
  if (v && 'numerator' in v && c?.targetPercent) {
    const pct = r.percent ?? 0;
    if (c.comparator === 'lte')
      return pct <= c.targetPercent ? 100 : (100 * c.targetPercent) / Math.max(pct, 0.01);
    return Math.min(100, (100 * pct) / c.targetPercent);
  }
  if (v && 'count' in v && c?.targetCount) return Math.min(100, (100 * v.count) / c.targetCount);
  if (r.parts && r.parts.length > 0) {
    const parts = r.parts
      .map((code) => all.find((p) => p.code === code))
      .filter((p): p is CriterionResult => p !== undefined);
    return Math.max(0, ...parts.map((p) => progressPercent(p, undefined, all) || (p.percent ?? 0)));
  }
  return 0;
}
