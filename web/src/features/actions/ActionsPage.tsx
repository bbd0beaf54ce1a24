import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Empty,
  Flex,
  Result,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { STATUS_COLORS } from '../../ui/status-colors';
import {
  actionKeys,
  actionListXlsxUrl,
  fetchActionList,
  type ActionListCriterion,
  type ActionListPart,
  type ActionRow,
} from './actions-api';
import { flatten, gapText, visitDate, whyText } from './action-text';
import { ForecastCard } from './ForecastCard';
import { useHamletId } from '../teams/HamletPageHeader';
import { sortActionRows } from '../../../../domain/action-lists/action-lists';
import { currentLanguage } from '../../i18n';

type VerdictFilter = 'all' | 'missing' | 'unknown';

function PartTable({ part }: { part: ActionListPart }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<VerdictFilter>('all');
  const [street, setStreet] = useState<string | null>(null);
  const all = useMemo(() => sortActionRows([...flatten(part.missing), ...flatten(part.unknown)]), [part]);
  const streets = useMemo(() => [...new Set(all.map((r) => r.street ?? ''))], [all]);
  const rows = all.filter(
    (r) => (verdict === 'all' || r.verdict === verdict) && (street === null || (r.street ?? '') === street),
  );
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap>
        <Segmented<VerdictFilter>
          value={verdict}
          onChange={setVerdict}
          options={(['all', 'missing', 'unknown'] as const).map((v) => ({
            value: v,
            label: `${t(`actions.verdictFilter.${v}`)} (${v === 'all' ? all.length : v === 'missing' ? part.missingCount : part.unknownCount})`,
          }))}
          data-testid={`verdict-filter-${part.code}`}
        />
        <Select<string>
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('actions.streetFilter')}
          value={street ?? undefined}
          onChange={(v) => setStreet(v ?? null)}
          options={streets.map((s) => ({ value: s, label: s || t('actions.noStreet') }))}
        />
      </Flex>
      <Table<ActionRow>
        size="small"
        rowKey="uid"
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        data-testid={`action-table-${part.code}`}
        columns={[
          {
            title: t('actions.columns.street'),
            dataIndex: 'street',
            width: 150,
            render: (v: string | null) => v ?? t('actions.noStreet'),
          },
          { title: t('actions.columns.localCode'), dataIndex: 'localCode', width: 90 },
          { title: t('actions.columns.headName'), dataIndex: 'headName', width: 170 },
          ...(part.subject === 'households'
            ? []
            : [
                { title: t('actions.columns.name'), dataIndex: 'name', width: 180 },
                ...(part.subject === 'residents'
                  ? [{ title: t('actions.columns.birthYear'), dataIndex: 'birthYear', width: 90 }]
                  : []),
              ]),
          {
            title: t('actions.columns.why'),
            key: 'why',
            render: (_: unknown, r: ActionRow) => (
              <Tag color={r.verdict === 'missing' ? STATUS_COLORS.not_met : STATUS_COLORS.not_assessable}>
                {whyText(r, t)}
              </Tag>
            ),
          },
          {
            title: t('actions.columns.lastVisit'),
            dataIndex: 'lastVisitAt',
            width: 130,
            render: (v: string | null) => visitDate(v),
          },
          {
            title: t('actions.columns.assignee'),
            key: 'assignee',
            width: 180,
            render: (_: unknown, r: ActionRow) => r.assignee?.displayName ?? '',
          },
        ]}
      />
    </Flex>
  );
}

function CriterionPane({ criterion }: { criterion: ActionListCriterion }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const missing = criterion.parts.reduce((n, p) => n + p.missingCount, 0);
  const unknown = criterion.parts.reduce((n, p) => n + p.unknownCount, 0);
  return (
    <Flex vertical gap={12}>
      <Alert
        type={criterion.status === 'met' ? 'success' : criterion.status === 'not_met' ? 'error' : 'warning'}
        showIcon
        title={
          <span data-testid="criterion-gap">
            <strong>{criterion.code}</strong> {criterion.name[lang]} — {gapText(criterion, t, lang)}
          </span>
        }
        description={
          criterion.listable ? t('actions.counts', { missing, unknown }) : t('actions.notListable')
        }
      />
      {criterion.parts.map((part) => (
        <Flex vertical gap={4} key={part.code}>
          {(criterion.parts.length > 1 || part.code !== criterion.code) && (
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('actions.part', { code: part.code, name: part.name[lang] })}
            </Typography.Title>
          )}
          <PartTable part={part} />
        </Flex>
      ))}
    </Flex>
  );
}

/** /app/hamlets/:id/actions: whom to visit for each unmet criterion, with the forecast, print and Excel. */
export default function ActionsPage() {
  const { t } = useTranslation();
  const hamletId = useHamletId();
  const [active, setActive] = useState<string | undefined>(undefined);
  const list = useQuery({
    queryKey: actionKeys.list(hamletId ?? 0),
    queryFn: () => fetchActionList(hamletId!),
    enabled: hamletId !== null,
  });
  if (hamletId === null) return <Result status="404" subTitle={t('actions.notFound')} />;
  const data = list.data;
  const current = active ?? data?.criteria[0]?.code;
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/app/hamlets">{t('actions.breadcrumb')}</Link> },
          { title: data?.hamlet.name ?? '…' },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }} data-testid="actions-title">
            {t('actions.title')} — {data?.hamlet.name ?? '…'}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">
              {t('actions.subtitle', {
                date: formatDate(data.date),
                set: data.criteriaSet.name,
                version: data.criteriaSet.version,
              })}
            </Typography.Text>
          )}
        </div>
        <Space wrap>
          <Button
            icon={<PrinterOutlined />}
            href={`/app/hamlets/${hamletId}/actions/print?${current ? `criterionCode=${encodeURIComponent(current)}&` : ''}print=1`}
            target="_blank"
            data-testid="print-link"
          >
            {t('actions.print')}
          </Button>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            href={actionListXlsxUrl(hamletId)}
            download
            data-testid="excel-button"
          >
            {t('actions.excel')}
          </Button>
        </Space>
      </Flex>
      <ErrorAlert error={list.error} />
      {list.isLoading && <Card loading />}
      {data && data.criteria.length === 0 && <Empty description={t('actions.nothing')} />}
      {data && data.criteria.length > 0 && (
        <Card>
          <Tabs
            activeKey={current}
            onChange={setActive}
            data-testid="criterion-tabs"
            items={data.criteria.map((c) => ({
              key: c.code,
              label: (
                <span>
                  <Tag
                    color={STATUS_COLORS[c.status === 'not_applicable' ? 'not_assessable' : c.status]}
                    style={{ marginInlineEnd: 6 }}
                  >
                    {c.code}
                  </Tag>
                  {c.parts.reduce((n, p) => n + p.missingCount + p.unknownCount, 0)}
                </span>
              ),
              children: <CriterionPane criterion={c} />,
            }))}
          />
        </Card>
      )}
      <ForecastCard hamletId={hamletId} />
    </Flex>
  );
}
