import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../ui/format';
import { STATUS_COLORS } from '../../ui/status-colors';
import { EChart } from './EChart';
import { criterionName, type Trend } from './dashboard-api';

/** Criteria drawn from the start; the others are one click away in the legend. */
const SHOWN_AT_FIRST = 4;

/**
 * Progress from stored snapshots: the share of hamlets meeting the standard (thick line) and each ratio
 * criterion's value of the summed counters. Dates read dd/MM/yyyy.
 */
export function TrendChart({ trend, testId }: { trend: Trend; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const share = t('dashboard.chart.share');
  const codes = (trend.catalogue?.criteria ?? [])
    .filter((c) => !c.hidden && c.kind === 'ratio')
    .map((c) => c.code);
  const label = (code: string) => `${code} ${criterionName(trend.catalogue, code, lang)}`;
  const selected: Record<string, boolean> = {};
  codes.forEach((code, i) => (selected[label(code)] = i < SHOWN_AT_FIRST));
  const option = {
    grid: { left: 8, right: 24, top: 80, bottom: 8, containLabel: true },
    legend: { type: 'scroll', top: 0, selected, textStyle: { fontSize: 11 } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) =>
        v === null || v === undefined ? '—' : `${formatNumber(v, lang)}%`,
    },
    xAxis: { type: 'category', data: trend.points.map((p) => formatDate(p.date)), boundaryGap: false },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { formatter: (v: number) => `${formatNumber(v, lang)}%` },
    },
    series: [
      {
        name: share,
        type: 'line',
        lineStyle: { width: 4 },
        itemStyle: { color: STATUS_COLORS.met },
        data: trend.points.map((p) => Math.round(p.shareMeetingStandard * 10) / 10),
      },
      ...codes.map((code) => ({
        name: label(code),
        type: 'line',
        symbolSize: 4,
        data: trend.points.map((p) => p.criteria.find((c) => c.code === code)?.percent ?? null),
      })),
    ],
  };
  return <EChart option={option} height={340} testId={testId} />;
}
