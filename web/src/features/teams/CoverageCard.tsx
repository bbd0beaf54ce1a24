import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Progress, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { fetchCoverage, teamKeys, type Coverage } from './teams-api';

type MemberCoverage = Coverage['members'][number];
type NeverVisited = Coverage['neverVisited'][number];

/** Visited over assigned, as a whole percent; 0 when nothing is assigned yet. */
function percent(visited: number, of: number): number {
  return of > 0 ? Math.round((visited / of) * 100) : 0;
}

/** Coverage of the hamlet and of each member (issue 4 §1), and the households nobody has visited yet. */
export function CoverageCard({ hamletId }: { hamletId: number }) {
  const { t } = useTranslation();
  const coverage = useQuery({
    queryKey: teamKeys.coverage(hamletId),
    queryFn: () => fetchCoverage(hamletId),
  });
  const hamlet = coverage.data?.hamlet;
  return (
    <Card title={t('teams.coverage.title')} data-testid="coverage-card">
      <Flex vertical gap={16}>
        <ErrorAlert error={coverage.error} />
        {hamlet ? (
          <Flex wrap gap={24} align="center">
            <Statistic title={t('teams.coverage.households')} value={hamlet.households} />
            <Statistic title={t('teams.coverage.assigned')} value={hamlet.assigned} />
            <Statistic title={t('teams.coverage.visited')} value={hamlet.visited} />
            <Statistic
              title={t('teams.coverage.lastVisit')}
              value={formatDateTime(hamlet.lastVisitAt) || '—'}
            />
            <Progress
              type="circle"
              size={72}
              percent={percent(hamlet.visited, hamlet.households)}
              data-testid="coverage-hamlet-progress"
            />
          </Flex>
        ) : null}
        <Table<MemberCoverage>
          rowKey="userId"
          size="small"
          loading={coverage.isFetching}
          pagination={false}
          dataSource={coverage.data?.members ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="coverage-members"
          columns={[
            { title: t('teams.team.member'), dataIndex: 'displayName' },
            { title: t('teams.coverage.assigned'), dataIndex: 'assigned', align: 'right' },
            { title: t('teams.coverage.visited'), dataIndex: 'visited', align: 'right' },
            {
              title: t('teams.coverage.progress'),
              key: 'progress',
              width: 180,
              render: (_: unknown, row) => (
                <Progress percent={percent(row.visited, row.assigned)} size="small" />
              ),
            },
            {
              title: t('teams.coverage.lastVisit'),
              dataIndex: 'lastVisitAt',
              render: (value: string | null) => formatDateTime(value) || '—',
            },
          ]}
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('teams.coverage.neverVisited', { count: coverage.data?.neverVisited.length ?? 0 })}
        </Typography.Title>
        <Table<NeverVisited>
          rowKey="uid"
          size="small"
          dataSource={coverage.data?.neverVisited ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          data-testid="coverage-never-visited"
          columns={[
            { title: t('teams.households.localCode'), dataIndex: 'localCode' },
            { title: t('teams.households.address'), dataIndex: 'address' },
            { title: t('teams.households.street'), dataIndex: 'street' },
            {
              title: t('teams.households.assignedTo'),
              key: 'assignedTo',
              render: (_: unknown, row) => row.assignedTo?.displayName ?? '—',
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
