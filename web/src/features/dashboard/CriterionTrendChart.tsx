import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../ui/format';
import { statusColor, STATUS_COLORS } from '../../ui/status-colors';
import { EChart } from './EChart';
import type { CatalogueCriterion, Trend } from './dashboard-api';

/**
 * One criterion of one hamlet over time, from stored snapshots: the value in % with the target as a dashed line
 * (ratio criteria), or its status on each date (count, yes/no and composite criteria).
 */
export function CriterionTrendChart({ trend, criterion }: { trend: Trend; criterion: CatalogueCriterion }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const points = trend.points.map((p) => p.criteria.find((c) => c.code === criterion.code));
  const dates = trend.points.map((p) => formatDate(p.date));
  const isRatio = criterion.kind === 'ratio';
  const option = isRatio
    ? {
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${formatNumber(v, lang)}%` },
        xAxis: { type: 'category', data: dates, boundaryGap: false },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
        series: [
          {
            name: t('dashboard.chart.value'),
            type: 'line',
            itemStyle: { color: STATUS_COLORS.met },
            data: points.map((c) =>
              c?.percent === null || c?.percent === undefined
                ? null
                : { value: c.percent, itemStyle: { color: c.status ? statusColor(c.status) : undefined } },
            ),
            markLine:
              criterion.targetPercent !== null
                ? {
                    symbol: 'none',
                    lineStyle: { type: 'dashed', color: '#262626' },
                    label: {
                      position: 'insideEndTop',
                      formatter: `${t('dashboard.chart.target')} ${formatNumber(criterion.targetPercent, lang)}%`,
                    },
                    data: [{ yAxis: criterion.targetPercent }],
                  }
                : undefined,
          },
        ],
      }
    : {
        grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: dates },
        yAxis: {
          type: 'category',
          data: ['not_assessable', 'not_met', 'met'].map((s) => t(`dashboard.status.${s}`)),
        },
        series: [
          {
            name: t('dashboard.chart.statusAxis'),
            type: 'scatter',
            symbolSize: 12,
            data: points.map((c) => {
              const status = c?.status ?? 'not_assessable';
              const y = status === 'met' ? 2 : status === 'not_met' ? 1 : 0;
              return { value: y, itemStyle: { color: statusColor(status) } };
            }),
          },
        ],
      };
  return <EChart option={option} height={260} testId="criterion-trend-chart" />;
}
