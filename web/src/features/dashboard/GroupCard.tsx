import { Card, Col, Flex, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { StatusTag } from '../../ui/StatusTag';
import { statusColor } from '../../ui/status-colors';
import { EChart } from './EChart';
import { gapText, missingDataText, progressPercent, targetText, valueText } from './criterion-display';
import { criterionName, type Catalogue, type CriterionResult, type HamletScorecard } from './dashboard-api';

/** One of the five groups of a hamlet's scorecard: a bar per criterion (progress to target) and the detail table. */
export function GroupCard({ group, card }: { group: Catalogue['groups'][number]; card: HamletScorecard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const all = card.result.criteria;
  const rows = all.filter((r) => r.group === group.code && !r.hidden);
  const tally = card.result.groups.find((g) => g.code === group.code);
  const info = (code: string) => card.catalogue.criteria.find((c) => c.code === code);
  const chartRows = [...rows].reverse();
  const option = {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
    yAxis: { type: 'category', data: chartRows.map((r) => r.code) },
    tooltip: {
      formatter: (p: { dataIndex: number; value: number }) => {
        const r = chartRows[p.dataIndex]!;
        return `<b>${r.code}</b> ${criterionName(card.catalogue, r.code, lang)}<br/>${formatNumber(p.value, lang)}%`;
      },
    },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        data: chartRows.map((r) => ({
          value: Math.round(progressPercent(r, info(r.code), all) * 10) / 10,
          itemStyle: { color: statusColor(r.status) },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${formatNumber(p.value, lang)}%`,
        },
      },
    ],
  };
  const name = lang === 'en' ? group.name.en : group.name.vi;
  return (
    <Card
      size="small"
      data-testid={`group-${group.code}`}
      title={
        <Flex justify="space-between" align="center">
          <span>{name}</span>
          {tally ? (
            <Typography.Text type="secondary">
              {t('dashboard.table.kOfN', { met: tally.met, applicable: tally.applicable })}
            </Typography.Text>
          ) : null}
        </Flex>
      }
    >
      <Row gutter={[16, 8]}>
        <Col xs={24} lg={6}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.scorecard.groupChart')}
          </Typography.Text>
          <EChart
            option={option}
            height={Math.max(110, rows.length * 36 + 30)}
            testId={`group-chart-${group.code}`}
          />
        </Col>
        <Col xs={24} lg={18}>
          <Table<CriterionResult>
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 720 }}
            columns={[
              {
                title: t('dashboard.scorecard.criterion'),
                key: 'name',
                width: 250,
                render: (_: unknown, r) => (
                  <span>
                    <b>{r.code}</b> {criterionName(card.catalogue, r.code, lang)}
                  </span>
                ),
              },
              {
                title: t('dashboard.scorecard.value'),
                key: 'value',
                width: 110,
                // A composite has no value of its own: show each part's, so "Chưa đạt" is explained in place.
                render: (_: unknown, r) =>
                  r.parts ? (
                    <Flex vertical gap={2}>
                      {r.parts.map((code) => {
                        const part = all.find((p) => p.code === code);
                        return (
                          <span key={code}>
                            <Typography.Text type="secondary">{code}:</Typography.Text>{' '}
                            {part ? valueText(part, t, lang) : ''}
                          </span>
                        );
                      })}
                    </Flex>
                  ) : (
                    valueText(r, t, lang)
                  ),
              },
              {
                title: t('dashboard.scorecard.target'),
                key: 'target',
                width: 84,
                render: (_: unknown, r) => targetText(info(r.code), t, lang),
              },
              {
                title: t('dashboard.scorecard.status'),
                key: 'status',
                width: 132,
                render: (_: unknown, r) => <StatusTag status={r.status} />,
              },
              {
                title: t('dashboard.scorecard.gap'),
                key: 'gap',
                render: (_: unknown, r) => {
                  const gap = gapText(r, t, lang);
                  const missing = missingDataText(r, all, card.catalogue, t, lang);
                  return (
                    <Flex vertical gap={2}>
                      {gap ? <span data-testid={`gap-${r.code}`}>{gap}</span> : null}
                      {missing ? (
                        <Typography.Text type="warning" data-testid={`missing-${r.code}`}>
                          {missing}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  );
                },
              },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
