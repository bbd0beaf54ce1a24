import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { criteriaSetKeys, listCriteriaSets, type CriteriaSetView } from './criteria-sets-api';

/** /app/criteria-sets: every version, newest first, with its status and the date it applies from. */
export default function CriteriaSetsPage() {
  const { t } = useTranslation();
  const sets = useQuery({ queryKey: criteriaSetKeys.all, queryFn: listCriteriaSets });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('criteriaEditor.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('criteriaEditor.intro')}
      </Typography.Paragraph>
      <ErrorAlert error={sets.error} />
      <Card>
        <Table<CriteriaSetView>
          rowKey="id"
          loading={sets.isLoading}
          dataSource={sets.data ?? []}
          pagination={false}
          data-testid="criteria-sets-table"
          columns={[
            { title: t('criteriaEditor.columns.code'), dataIndex: 'code' },
            { title: t('criteriaEditor.columns.version'), dataIndex: 'version', width: 100 },
            {
              title: t('criteriaEditor.columns.name'),
              dataIndex: 'name',
              render: (name: string, s) => <Link to={`/app/criteria-sets/${s.id}`}>{name}</Link>,
            },
            {
              title: t('criteriaEditor.columns.status'),
              dataIndex: 'status',
              width: 140,
              render: (status: CriteriaSetView['status']) => (
                <Tag color={status === 'published' ? 'green' : 'gold'}>
                  {t(`criteriaEditor.status.${status}`)}
                </Tag>
              ),
            },
            {
              title: t('criteriaEditor.columns.effectiveFrom'),
              dataIndex: 'effectiveFrom',
              width: 140,
              render: (d: string) => formatDate(d),
            },
            {
              title: t('criteriaEditor.columns.actions'),
              key: 'open',
              width: 90,
              render: (_, s) => <Link to={`/app/criteria-sets/${s.id}`}>{t('criteriaEditor.open')}</Link>,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
