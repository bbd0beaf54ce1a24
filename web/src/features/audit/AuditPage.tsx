import { useQuery } from '@tanstack/react-query';
import { Flex, Input, Result, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, Page } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime, formatNumber } from '../../ui/format';
import { JsonDiff } from '../../ui/JsonDiff';
import { useMe } from '../auth/auth-api';

const PAGE_SIZE = 25;

function fetchAudit(page: number, entity: string): Promise<Page<AuditEntry>> {
  return api.get('/api/audit', { page, pageSize: PAGE_SIZE, entity });
}

/** The audit log, newest first; each row expands to show what changed. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState('');
  const allowed = Boolean(me.data?.abilities.canReadAudit);
  const entries = useQuery({
    queryKey: ['audit', page, entity],
    queryFn: () => fetchAudit(page, entity),
    enabled: allowed,
  });

  if (!allowed) return <Result status="403" subTitle={t('errors.forbidden')} />;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Input.Search
        allowClear
        placeholder={t('audit.entityFilter')}
        onSearch={(value) => {
          setEntity(value.trim());
          setPage(1);
        }}
        style={{ maxWidth: 320 }}
      />
      <ErrorAlert error={entries.error} />
      <Table<AuditEntry>
        rowKey="id"
        loading={entries.isFetching}
        dataSource={entries.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="audit-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: entries.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) =>
            t('table.total', { count: total, formatted: formatNumber(total, i18n.language) }),
        }}
        expandable={{
          expandedRowRender: (entry) => <JsonDiff before={entry.before} after={entry.after} />,
          rowExpandable: (entry) => entry.before != null || entry.after != null,
        }}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (at: string) => formatDateTime(at) },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            render: (name: string | null) => name ?? t('audit.system'),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
          },
          {
            title: t('audit.entity'),
            key: 'entity',
            render: (_: unknown, entry) =>
              entry.entityId ? (
                <Typography.Text style={{ maxWidth: 260 }} ellipsis={{ tooltip: entry.entityId }}>
                  {`${entry.entity} #${entry.entityId}`}
                </Typography.Text>
              ) : (
                entry.entity
              ),
          },
          { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '' },
        ]}
      />
    </Flex>
  );
}
