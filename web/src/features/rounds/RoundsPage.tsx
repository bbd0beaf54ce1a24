import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Progress, Result, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { useMe } from '../auth/auth-api';
import { ROUND_ROLES } from '../shell/nav-items';
import { CreateRoundDrawer } from './CreateRoundDrawer';
import { DeadlineHint, RoundStatusTag } from './RoundTags';
import { fetchRounds, roundKeys, type RoundSummary } from './rounds-api';
import './rounds.css';

/** Wards that submitted / were approved, out of the round's wards. */
function ProgressCell({ round }: { round: RoundSummary }) {
  const { t } = useTranslation();
  const total = Math.max(round.wardCount, 1);
  return (
    <Flex vertical gap={2} style={{ minWidth: 150 }} data-testid="round-progress">
      <Typography.Text>
        {t('rounds.list.progressText', {
          submitted: round.submittedCount,
          approved: round.approvedCount,
          total: round.wardCount,
        })}
      </Typography.Text>
      <Progress
        size="small"
        showInfo={false}
        percent={(round.submittedCount / total) * 100}
        success={{ percent: (round.approvedCount / total) * 100 }}
      />
    </Flex>
  );
}

/** /app/rounds: every round the reader may see; city admins open new ones here. */
export default function RoundsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const role = me.data?.role;
  const allowed = role !== undefined && ROUND_ROLES.includes(role);
  const rounds = useQuery({ queryKey: roundKeys.list, queryFn: fetchRounds, enabled: allowed });

  if (me.data && !allowed) return <Result status="403" subTitle={t('errors.forbidden')} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('rounds.title')}
        </Typography.Title>
        {role === 'city_admin' ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="round-create"
          >
            {t('rounds.create')}
          </Button>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('rounds.list.intro')}
      </Typography.Paragraph>
      <ErrorAlert error={rounds.error} />
      <Table<RoundSummary>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={rounds.data?.items ?? []}
        // A fixed minimum lets long names wrap at 1366 px and scroll sideways on a phone.
        scroll={{ x: 980 }}
        pagination={false}
        data-testid="rounds-table"
        locale={{ emptyText: <Empty description={t('rounds.list.empty')} /> }}
        columns={[
          {
            title: t('rounds.fields.name'),
            dataIndex: 'name',
            width: 300,
            render: (name: string, round) => (
              <Link to={`/app/rounds/${round.id}`} data-testid="round-link">
                {name}
              </Link>
            ),
          },
          {
            title: t('rounds.fields.assessmentDate'),
            dataIndex: 'assessmentDate',
            render: (value: string) => formatDate(value),
          },
          { title: t('rounds.fields.criteriaSet'), dataIndex: 'criteriaSetName' },
          {
            title: t('rounds.fields.deadline'),
            dataIndex: 'deadline',
            render: (value: string, round) => (
              <Flex vertical>
                {formatDate(value)}
                <DeadlineHint deadline={value} status={round.status} />
              </Flex>
            ),
          },
          {
            title: t('rounds.fields.status'),
            dataIndex: 'status',
            render: (_: unknown, round) => <RoundStatusTag status={round.status} />,
          },
          {
            title: t('rounds.fields.progress'),
            key: 'progress',
            render: (_: unknown, round) => <ProgressCell round={round} />,
          },
        ]}
      />
      <CreateRoundDrawer open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
