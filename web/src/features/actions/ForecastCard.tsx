import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, formatNumber } from '../../ui/format';
import { IN_PROGRESS_COLOR, NO_DATA_COLOR, STATUS_COLORS } from '../../ui/status-colors';
import { actionKeys, fetchForecast, type CriterionForecast, type HamletForecast } from './actions-api';
import { forecastText, valueText } from './action-text';
import { currentLanguage } from '../../i18n';

type Row = HamletForecast['criteria'][number];

function forecastColor(c: CriterionForecast): string {
  switch (c.forecast.kind) {
    case 'met':
      return STATUS_COLORS.met;
    case 'eta':
      return IN_PROGRESS_COLOR;
    case 'no_progress':
      return STATUS_COLORS.not_met;
    default:
      return NO_DATA_COLOR;
  }
}

/** When each criterion would be met at the recent pace (issue 5 §4), from the hamlet's stored snapshots. */
export function ForecastCard({ hamletId }: { hamletId: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const forecast = useQuery({
    queryKey: actionKeys.forecast(hamletId),
    queryFn: () => fetchForecast(hamletId),
  });
  const data = forecast.data;
  return (
    <Card title={t('actions.forecast.title')} data-testid="forecast-card">
      <ErrorAlert error={forecast.error} />
      {data && data.snapshots === 0 && (
        <Typography.Text type="secondary">{t('actions.forecast.none')}</Typography.Text>
      )}
      {data && data.snapshots > 0 && (
        <>
          <Typography.Paragraph type="secondary">
            {t('actions.forecast.hint', {
              count: data.snapshots,
              from: formatDate(data.from),
              to: formatDate(data.to),
            })}
          </Typography.Paragraph>
          <Table<Row>
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={data.criteria}
            scroll={{ x: 640 }}
            columns={[
              {
                title: t('actions.forecast.criterion'),
                key: 'code',
                render: (_, c) => (
                  <span>
                    <strong>{c.code}</strong> {c.name[lang]}
                  </span>
                ),
              },
              {
                title: t('actions.forecast.value'),
                key: 'value',
                width: 150,
                render: (_, c) => valueText(c, lang),
              },
              {
                title: t('actions.forecast.pace'),
                key: 'pace',
                width: 120,
                render: (_, c) =>
                  c.forecast.kind === 'eta' || c.forecast.kind === 'no_progress'
                    ? `${c.forecast.slopePerMonth > 0 ? '+' : ''}${formatNumber(c.forecast.slopePerMonth, lang, 2)}`
                    : '',
              },
              {
                title: t('actions.forecast.result'),
                key: 'result',
                width: 220,
                render: (_, c) => (
                  <Tag color={forecastColor(c)} data-testid={`forecast-${c.code}`}>
                    {forecastText(c, t)}
                  </Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
