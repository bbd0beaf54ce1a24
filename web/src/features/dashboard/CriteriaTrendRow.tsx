import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CriteriaTargetChart } from './CriteriaTargetChart';
import { TrendChart } from './TrendChart';
import type { AggregateCriterion, Catalogue, Trend } from './dashboard-api';

/** The city's and a ward's shared row: each criterion against its target, then progress over time. */
export function CriteriaTrendRow({
  criteriaTitle,
  criteria,
  catalogue,
  trend,
}: {
  criteriaTitle: string;
  criteria: AggregateCriterion[];
  catalogue: Catalogue;
  trend: { data?: Trend; error: unknown };
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card title={criteriaTitle} size="small">
          <CriteriaTargetChart criteria={criteria} catalogue={catalogue} testId="criteria-chart" />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('dashboard.city.trend')} size="small">
          <ErrorAlert error={trend.error} />
          {trend.data && trend.data.points.length > 0 ? (
            <TrendChart trend={trend.data} testId="trend-chart" />
          ) : trend.data ? (
            <Typography.Text type="secondary">{t('dashboard.chart.noHistory')}</Typography.Text>
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}
