import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import { PageLoading } from '../../ui/PageLoading';
import { STATUS_COLORS } from '../../ui/status-colors';
import { AsOfDatePicker, useAsOfDate } from './AsOfDatePicker';
import { CriteriaTrendRow } from './CriteriaTrendRow';
import { DashboardMap } from './DashboardMap';
import { HamletHeatTable } from './HamletHeatTable';
import { PartialSourceTag, SourceNote, StatTitle } from './SourceNote';
import {
  dashboardKeys,
  fetchMap,
  fetchTrend,
  fetchWardDashboard,
  markPilot,
  setName,
  unmarkPilot,
  type HamletRow,
} from './dashboard-api';

/** A ward's dashboard (commune officer of that ward, city admin, viewer): its hamlets, pilots, criteria and map. */
export default function WardDashboardPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const wardId = Number(useParams().id);
  const [date, setDate] = useAsOfDate();
  const queryClient = useQueryClient();
  const ward = useQuery({
    queryKey: dashboardKeys.ward(wardId, date),
    queryFn: () => fetchWardDashboard(wardId, date),
    enabled: Number.isInteger(wardId),
  });
  const trend = useQuery({ queryKey: dashboardKeys.trend(wardId), queryFn: () => fetchTrend(wardId) });
  const map = useQuery({ queryKey: dashboardKeys.map(wardId), queryFn: () => fetchMap(wardId) });
  const [busyId, setBusyId] = useState<number | null>(null);
  const [pilotError, setPilotError] = useState<unknown>(null);
  const toggle = useMutation({
    mutationFn: (h: HamletRow) => (h.isPilot ? unmarkPilot(wardId, h.id) : markPilot(wardId, h.id)),
    onMutate: (h) => {
      setBusyId(h.id);
      setPilotError(null);
    },
    onSuccess: async (_r, h) => {
      void message.success(
        t(h.isPilot ? 'dashboard.ward.pilotUnmarked' : 'dashboard.ward.pilotMarked', { name: h.name }),
      );
      await Promise.all(
        dashboardKeys.withPilots.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    onError: (error) => setPilotError(error),
    onSettled: () => setBusyId(null),
  });
  const standardOf = useMemo(
    () => new Map((ward.data?.ward.hamletRows ?? []).map((h) => [h.id, h.meetsStandard])),
    [ward.data],
  );

  if (ward.error) return <ErrorAlert error={ward.error} />;
  if (!ward.data) return <PageLoading />;
  const w = ward.data.ward;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="ward-title">
          {t('dashboard.ward.title', { name: w.name })}
        </Typography.Title>
        <AsOfDatePicker date={date} onChange={setDate} />
      </Flex>
      <Typography.Text type="secondary">
        {t('dashboard.criteriaSet', {
          name: setName(ward.data.criteriaSet, i18n.language),
          version: ward.data.criteriaSet.version,
        })}
      </Typography.Text>
      {ward.data.reorganised ? <Alert type="info" showIcon title={t('dashboard.reorganisedNote')} /> : null}
      <SourceNote source={ward.data.source} />
      {w.partialSources.length > 0 ? (
        <Flex gap={8} wrap>
          {w.partialSources.map((p) => (
            <PartialSourceTag key={p.unitId} source={p} />
          ))}
        </Flex>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={<StatTitle text={t('dashboard.city.hamletsStandard')} />}
              value={w.hamletsMeetingStandard}
              suffix={`\u00a0/ ${w.hamlets}`}
              styles={{
                content: {
                  fontSize: 40,
                  color: w.hamletsMeetingStandard > 0 ? STATUS_COLORS.met : STATUS_COLORS.not_met,
                },
              }}
            />
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card data-testid="ward-pilots">
            <Typography.Text strong>{t('dashboard.ward.pilots')}: </Typography.Text>
            {w.pilots.length === 0 ? (
              <Typography.Text type="secondary">{t('dashboard.ward.noPilot')}</Typography.Text>
            ) : (
              w.pilots.map((p) => (
                <Tag key={p.id} color="blue" style={{ fontSize: 14, padding: '2px 8px' }}>
                  {p.name} · {t('dashboard.table.kOfN', { met: p.met, applicable: p.applicable })}
                </Tag>
              ))
            )}
            <div>
              <Typography.Text type="secondary">
                {t('dashboard.ward.pilotLimit', { limit: ward.data.pilotLimit })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
      </Row>
      {pilotError ? (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setPilotError(null)}
          title={errorMessage(pilotError, t)}
          data-testid="pilot-error"
        />
      ) : null}
      <Card title={t('dashboard.ward.comparison')} size="small">
        <HamletHeatTable
          hamlets={w.hamletRows}
          catalogue={ward.data.catalogue}
          canMarkPilots={ward.data.canMarkPilots && date === ward.data.today}
          busyId={busyId}
          onTogglePilot={(h) => toggle.mutate(h)}
        />
      </Card>
      <CriteriaTrendRow
        criteriaTitle={t('dashboard.ward.criteriaChart')}
        criteria={w.criteria}
        catalogue={ward.data.catalogue}
        trend={trend}
      />
      <Card title={t('dashboard.city.map')} size="small">
        <ErrorAlert error={map.error} />
        {map.data ? <DashboardMap data={map.data} standardOf={standardOf} /> : null}
      </Card>
    </Flex>
  );
}
