import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusTag } from '../../ui/StatusTag';
import type { HamletRow, WardRow } from './dashboard-api';
import { PartialSourceTag } from './SourceNote';

function HamletLine({ hamlet }: { hamlet: HamletRow }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center" wrap>
      <Link to={`/app/hamlets/${hamlet.id}/scorecard`}>{hamlet.name}</Link>
      <Typography.Text type="secondary">
        {t('dashboard.table.kOfN', { met: hamlet.met, applicable: hamlet.applicable })}
      </Typography.Text>
      <StatusTag status={hamlet.meetsStandard ? 'met' : 'not_met'} />
    </Flex>
  );
}

/** The city's wards: hamlets meeting the standard, pilots and the leading hamlet, each with k/N and a status badge. */
export function WardsTable({ wards, date }: { wards: WardRow[]; date: string }) {
  const { t } = useTranslation();
  const query = date ? `?date=${date}` : '';
  return (
    <Table<WardRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={wards}
      data-testid="wards-table"
      tableLayout="fixed"
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('dashboard.table.ward'),
          key: 'name',
          width: 240,
          render: (_: unknown, w) => (
            <Flex vertical gap={2}>
              <Link to={`/app/dashboard/ward/${w.id}${query}`}>
                <b>{w.name}</b>
              </Link>
              {w.fullSources.some((s) => s.unitId !== w.id) ? (
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  {t('dashboard.ward.fullSources')}: {w.fullSources.map((s) => s.name).join(', ')}
                </Typography.Text>
              ) : null}
              {w.partialSources.map((p) => (
                <PartialSourceTag
                  key={p.unitId}
                  source={p}
                  style={{ width: 'fit-content', whiteSpace: 'normal' }}
                />
              ))}
            </Flex>
          ),
        },
        { title: t('dashboard.table.hamlets'), dataIndex: 'hamlets', align: 'right', width: 130 },
        {
          title: t('dashboard.table.standard'),
          key: 'standard',
          width: 130,
          render: (_: unknown, w) => (
            <Flex gap={8} align="center">
              <span style={{ minWidth: 40, textAlign: 'right' }}>
                {w.hamletsMeetingStandard}/{w.hamlets}
              </span>
              <StatusTag status={w.hamletsMeetingStandard > 0 ? 'met' : 'not_met'} />
            </Flex>
          ),
        },
        {
          title: t('dashboard.table.pilots'),
          key: 'pilots',
          render: (_: unknown, w) =>
            w.pilots.length === 0 ? (
              <Typography.Text type="secondary">{t('dashboard.ward.noPilot')}</Typography.Text>
            ) : (
              <Flex vertical gap={2}>
                {w.pilots.map((p) => (
                  <HamletLine key={p.id} hamlet={p} />
                ))}
              </Flex>
            ),
        },
        {
          title: t('dashboard.table.best'),
          key: 'best',
          render: (_: unknown, w) => (w.best ? <HamletLine hamlet={w.best} /> : null),
        },
      ]}
    />
  );
}
