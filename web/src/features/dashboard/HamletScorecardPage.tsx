import { UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageLoading } from '../../ui/PageLoading';
import { STATUS_COLORS } from '../../ui/status-colors';
import { AsOfDatePicker, useAsOfDate } from './AsOfDatePicker';
import { CriterionTrendChart } from './CriterionTrendChart';
import { GroupCard } from './GroupCard';
import { criterionName, dashboardKeys, fetchHamletScorecard, fetchTrend, setName } from './dashboard-api';

/**
 * A hamlet's scorecard: every criterion's value, target, status and gap, grouped by the five groups, with what
 * data is missing where a criterion cannot be assessed, each criterion's trend, and the way to the action list.
 */
export default function HamletScorecardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const hamletId = Number(useParams().id);
  const [date, setDate] = useAsOfDate();
  const card = useQuery({
    queryKey: dashboardKeys.hamlet(hamletId, date),
    queryFn: () => fetchHamletScorecard(hamletId, date),
    enabled: Number.isInteger(hamletId),
  });
  const trend = useQuery({ queryKey: dashboardKeys.trend(hamletId), queryFn: () => fetchTrend(hamletId) });
  const [picked, setPicked] = useState<string | null>(null);

  if (card.error) return <ErrorAlert error={card.error} />;
  if (!card.data) return <PageLoading />;
  const { unit, result, catalogue } = card.data;
  const visible = catalogue.criteria.filter((c) => !c.hidden);
  const trendCode = picked ?? visible.find((c) => c.kind === 'ratio')?.code ?? visible[0]?.code;
  const trendCriterion = visible.find((c) => c.code === trendCode);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex vertical>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="scorecard-title">
            {t('dashboard.scorecard.title', { name: unit.name })}
          </Typography.Title>
          {unit.parentName ? (
            <Typography.Text type="secondary">
              {t('dashboard.scorecard.ward', { name: unit.parentName })}
            </Typography.Text>
          ) : null}
        </Flex>
        <AsOfDatePicker date={date} onChange={setDate} />
      </Flex>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size={16} wrap align="center">
            <Typography.Text
              style={{
                fontSize: 32,
                fontWeight: 600,
                color: result.overall.meetsStandard ? STATUS_COLORS.met : STATUS_COLORS.not_met,
              }}
              data-testid="scorecard-overall"
            >
              {t('dashboard.scorecard.overall', {
                met: result.overall.met,
                applicable: result.overall.applicable,
              })}
            </Typography.Text>
            <Tag
              color={result.overall.meetsStandard ? STATUS_COLORS.met : STATUS_COLORS.not_met}
              style={{ fontSize: 14, padding: '2px 10px' }}
            >
              {result.overall.meetsStandard
                ? t('dashboard.scorecard.meetsStandard')
                : t('dashboard.scorecard.notYet')}
            </Tag>
            {card.data.isPilot ? <Tag color="blue">{t('dashboard.scorecard.pilot')}</Tag> : null}
          </Space>
          <Link to={`/app/hamlets/${unit.id}/actions`} data-testid="actions-link">
            <Button type="primary" icon={<UnorderedListOutlined />}>
              {t('dashboard.scorecard.actions')}
            </Button>
          </Link>
        </Flex>
        <Flex vertical>
          <Typography.Text type="secondary">
            {t('dashboard.criteriaSet', {
              name: setName(card.data.criteriaSet, lang),
              version: card.data.criteriaSet.version,
            })}
          </Typography.Text>
          {card.data.snapshotDate ? (
            <Typography.Text type="secondary" data-testid="scorecard-snapshot">
              {t('dashboard.scorecard.fromSnapshot', { date: formatDate(card.data.snapshotDate) })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Card>
      {catalogue.groups.map((group) => (
        <GroupCard key={group.code} group={group} card={card.data} />
      ))}
      <Card
        size="small"
        title={t('dashboard.scorecard.trend')}
        extra={
          <Select
            style={{ width: 360 }}
            value={trendCode}
            onChange={setPicked}
            aria-label={t('dashboard.scorecard.trendPick')}
            options={visible.map((c) => ({
              value: c.code,
              label: `${c.code} ${criterionName(catalogue, c.code, lang)}`,
            }))}
          />
        }
      >
        <ErrorAlert error={trend.error} />
        {trend.data && trend.data.points.length > 0 && trendCriterion ? (
          <CriterionTrendChart trend={trend.data} criterion={trendCriterion} />
        ) : trend.data ? (
          <Typography.Text type="secondary">{t('dashboard.chart.noHistory')}</Typography.Text>
        ) : null}
      </Card>
    </Flex>
  );
}
