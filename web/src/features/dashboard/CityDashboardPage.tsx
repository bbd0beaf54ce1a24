import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoading } from '../../ui/PageLoading';
import { STATUS_COLORS } from '../../ui/status-colors';
import { AsOfDatePicker, useAsOfDate } from './AsOfDatePicker';
import { CriteriaTrendRow } from './CriteriaTrendRow';
import { DashboardMap } from './DashboardMap';
import { SourceNote, StatTitle } from './SourceNote';
import { WardsTable } from './WardsTable';
import { dashboardKeys, fetchCityDashboard, fetchCityTrend, fetchMap, setName } from './dashboard-api';

/** The city's dashboard (city admin, viewer): the brief's goal, the wards, criteria vs targets, progress and map. */
export default function CityDashboardPage() {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useAsOfDate();
  const city = useQuery({ queryKey: dashboardKeys.city(date), queryFn: () => fetchCityDashboard(date) });
  const trend = useQuery({ queryKey: dashboardKeys.cityTrend, queryFn: fetchCityTrend });
  const map = useQuery({ queryKey: dashboardKeys.map(null), queryFn: () => fetchMap(null) });
  const standardOf = useMemo(
    () => new Map(Object.entries(city.data?.hamletStandard ?? {}).map(([id, meets]) => [Number(id), meets])),
    [city.data],
  );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('dashboard.city.title')}
        </Typography.Title>
        <AsOfDatePicker date={date} onChange={setDate} />
      </Flex>
      <ErrorAlert error={city.error} />
      {!city.data ? (
        city.isLoading ? (
          <PageLoading />
        ) : null
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('dashboard.criteriaSet', {
              name: setName(city.data.criteriaSet, i18n.language),
              version: city.data.criteriaSet.version,
            })}
          </Typography.Text>
          {city.data.reorganised ? (
            <Alert
              type="info"
              showIcon
              title={t('dashboard.reorganisedNote')}
              data-testid="reorganised-note"
            />
          ) : null}
          <SourceNote source={city.data.source} />
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12}>
              <Card data-testid="goal-counter">
                <Statistic
                  title={<StatTitle text={t('dashboard.city.goal')} />}
                  value={city.data.goal.wardsWithStandardHamlet}
                  suffix={`\u00a0/ ${city.data.goal.wards}`}
                  styles={{
                    content: {
                      fontSize: 44,
                      color:
                        city.data.goal.wardsWithStandardHamlet === city.data.goal.wards
                          ? STATUS_COLORS.met
                          : STATUS_COLORS.not_met,
                    },
                  }}
                />
                {city.data.goal.wardsWithStandardOnlyInPartialSources > 0 ? (
                  <Typography.Text type="warning">
                    {t('dashboard.city.goalPartial', {
                      count: city.data.goal.wardsWithStandardOnlyInPartialSources,
                    })}
                  </Typography.Text>
                ) : null}
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card>
                <Statistic
                  title={<StatTitle text={t('dashboard.city.hamletsStandard')} />}
                  value={city.data.hamletsMeetingStandard}
                  suffix={`\u00a0/ ${city.data.hamlets}`}
                  styles={{ content: { fontSize: 44 } }}
                />
              </Card>
            </Col>
          </Row>
          <Card title={t('dashboard.city.wardsTable')} size="small">
            <WardsTable wards={city.data.wards} date={date === city.data.today ? '' : date} />
          </Card>
          <CriteriaTrendRow
            criteriaTitle={t('dashboard.city.criteriaChart')}
            criteria={city.data.criteria}
            catalogue={city.data.catalogue}
            trend={trend}
          />
        </>
      )}
      <Card title={t('dashboard.city.map')} size="small">
        <ErrorAlert error={map.error} />
        {map.data ? <DashboardMap data={map.data} standardOf={standardOf} /> : null}
      </Card>
    </Flex>
  );
}
