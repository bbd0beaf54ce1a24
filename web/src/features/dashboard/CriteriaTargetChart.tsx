import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { Flex, Typography } from 'antd';
import { StatusTag } from '../../ui/StatusTag';
import { statusColor, NO_DATA_COLOR, STATUS_ORDER } from '../../ui/status-colors';
import { EChart } from './EChart';
import { criterionName, type AggregateCriterion, type Catalogue } from './dashboard-api';

const LABEL_MAX = 38;

function shorten(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

/**
 * Each criterion over a ward or the city against its target: a bar for the value of the summed counters (ratio
 * criteria) with the target as a vertical mark. Count and yes/no criteria have no summed value, so their bar is the
 * share of hamlets meeting them, drawn lighter and against 100%.
 */
export function CriteriaTargetChart({
  criteria,
  catalogue,
  testId,
}: {
  criteria: AggregateCriterion[];
  catalogue: Catalogue;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows = [...criteria].reverse();
  const target = (c: AggregateCriterion) =>
    c.percent !== null ? (catalogue.criteria.find((x) => x.code === c.code)?.targetPercent ?? null) : 100;
  const value = (c: AggregateCriterion) =>
    c.percent !== null ? c.percent : c.hamlets > 0 ? (100 * c.hamletsMet) / c.hamlets : 0;
  const option = {
    grid: { left: 8, right: 56, top: 32, bottom: 8, containLabel: true },
    // The value bars take their status colour, so the legend names only the other two series; StatusLegend explains colours.
    legend: { top: 0, data: [t('dashboard.chart.hamletShareSeries'), t('dashboard.chart.target')] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: Array<{ dataIndex: number }>) => {
        const c = rows[params[0]!.dataIndex]!;
        const head = `<b>${c.code}</b> ${criterionName(catalogue, c.code, lang)}`;
        const own =
          c.percent !== null
            ? `${t('dashboard.chart.value')}: ${formatNumber(c.percent, lang)}%`
            : t('dashboard.chart.noRatio');
        const tgt = target(c);
        const tgtLine =
          tgt !== null && c.percent !== null
            ? `<br/>${t('dashboard.chart.target')}: ${formatNumber(tgt, lang)}%`
            : '';
        const hamlets = t('dashboard.chart.hamletsOf', { met: c.hamletsMet, total: c.hamlets });
        return `${head}<br/>${own}${tgtLine}<br/>${hamlets}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      axisLabel: { formatter: (v: number) => `${formatNumber(v, lang)}%` },
    },
    yAxis: {
      type: 'category',
      data: rows.map((c) => `${c.code}  ${shorten(criterionName(catalogue, c.code, lang))}`),
      axisLabel: { fontSize: 12 },
    },
    series: [
      {
        name: t('dashboard.chart.value'),
        type: 'bar',
        stack: 'v',
        barWidth: 14,
        data: rows.map((c) =>
          c.percent !== null
            ? {
                value: c.percent,
                itemStyle: { color: c.status ? statusColor(c.status) : NO_DATA_COLOR },
              }
            : '-',
        ),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${formatNumber(p.value, lang)}%`,
        },
      },
      {
        name: t('dashboard.chart.hamletShareSeries'),
        type: 'bar',
        stack: 'v',
        barWidth: 14,
        itemStyle: { color: '#91caff' },
        data: rows.map((c) => (c.percent === null ? value(c) : '-')),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => {
            const c = rows[p.dataIndex]!;
            return `${c.hamletsMet}/${c.hamlets}`;
          },
        },
      },
      {
        name: t('dashboard.chart.target'),
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [3, 22],
        itemStyle: { color: '#262626' },
        data: rows.map((c) => target(c) ?? '-'),
        z: 5,
      },
    ],
  };
  return (
    <Flex vertical gap={4}>
      <EChart option={option} height={Math.max(240, rows.length * 30 + 60)} testId={testId} />
      <Flex gap={8} wrap align="center" style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">{t('dashboard.chart.value')}:</Typography.Text>
        {STATUS_ORDER.map((status) => (
          <StatusTag key={status} status={status} />
        ))}
      </Flex>
    </Flex>
  );
}
