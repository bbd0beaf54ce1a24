import { ArrowLeftOutlined, LockOutlined, NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Grid, Popconfirm, Result, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import { PageLoading } from '../../ui/PageLoading';
import { formatDate, formatDateTime } from '../../ui/format';
import { useMe } from '../auth/auth-api';
import { DeadlineHint, RoundStatusTag } from './RoundTags';
import { RoundResults } from './RoundResults';
import { RoundTimeline } from './RoundTimeline';
import { WardSubmissionCard } from './WardSubmissionCard';
import { WardsTable } from './WardsTable';
import { closeRound, fetchRound, publishRound, roundKeys, type RoundDetail } from './rounds-api';
import './rounds.css';

function RoundFacts({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  return (
    <dl className="rounds-facts" style={{ margin: 0 }}>
      <div>
        <dt>{t('rounds.fields.assessmentDate')}</dt>
        <dd data-testid="round-assessment-date-value">{formatDate(round.assessmentDate)}</dd>
      </div>
      <div>
        <dt>{t('rounds.fields.criteriaSet')}</dt>
        <dd>{round.criteriaSetName}</dd>
      </div>
      <div>
        <dt>{t('rounds.fields.deadline')}</dt>
        <dd>
          <Flex gap={8} wrap align="baseline">
            <span data-testid="round-deadline-value">{formatDate(round.deadline)}</span>
            <DeadlineHint deadline={round.deadline} status={round.status} />
          </Flex>
        </dd>
      </div>
      {round.publishedAt || round.closedAt ? (
        <div>
          <dt>{round.publishedAt ? t('rounds.fields.publishedAt') : t('rounds.fields.closedAt')}</dt>
          <dd>{formatDateTime(round.publishedAt ?? round.closedAt)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('rounds.fields.progress')}</dt>
        <dd>
          {t('rounds.list.progressText', {
            submitted: round.submittedCount,
            approved: round.approvedCount,
            total: round.wardCount,
          })}
        </dd>
      </div>
    </dl>
  );
}

/** City admin: stop submissions early, and publish the results once at least one ward is approved. */
function RoundActions({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const refresh = () => queryClient.invalidateQueries({ queryKey: roundKeys.all });
  const close = useMutation({ mutationFn: () => closeRound(round.id), onSuccess: refresh, onError });
  const publish = useMutation({
    mutationFn: () => publishRound(round.id),
    onSuccess: async () => {
      void message.success(t('rounds.actions.publishedMessage'));
      await refresh();
    },
    onError,
  });
  const canClose = round.canReview && round.status === 'open';
  if (!canClose && !round.canPublish) return null;
  return (
    <Flex gap={8} wrap>
      {canClose ? (
        <Popconfirm
          title={t('rounds.actions.confirmClose')}
          description={t('rounds.actions.closeHint')}
          okText={t('form.yes')}
          cancelText={t('form.no')}
          onConfirm={() => close.mutateAsync().catch(() => undefined)}
        >
          <Button icon={<LockOutlined />} loading={close.isPending} data-testid="round-close">
            {t('rounds.actions.close')}
          </Button>
        </Popconfirm>
      ) : null}
      {round.canPublish ? (
        <Popconfirm
          title={t('rounds.actions.confirmPublish')}
          description={t('rounds.actions.publishHint', {
            approved: round.approvedCount,
            total: round.wardCount,
          })}
          okText={t('form.yes')}
          cancelText={t('form.no')}
          onConfirm={() => publish.mutateAsync().catch(() => undefined)}
        >
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            loading={publish.isPending}
            data-testid="round-publish"
          >
            {t('rounds.actions.publish')}
          </Button>
        </Popconfirm>
      ) : null}
    </Flex>
  );
}

/** /app/rounds/:id — header, wards (submission or review), timeline, results. */
export default function RoundDetailPage() {
  const { t } = useTranslation();
  const params = useParams();
  const me = useMe();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const screens = Grid.useBreakpoint();
  const [tab, setTab] = useState('wards');
  const query = useQuery({
    queryKey: roundKeys.detail(id),
    queryFn: () => fetchRound(id),
    enabled: valid,
  });

  if (!valid) return <Result status="404" subTitle={t('rounds.notFound')} />;
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403))
    return <Result status={query.error.status} subTitle={errorMessage(query.error, t)} />;
  if (query.isLoading) return <PageLoading />;
  const round = query.data?.round;
  if (!round) return <ErrorAlert error={query.error} />;

  const isOfficer = me.data?.role === 'commune_officer';
  // The results exist for everyone once published; before that only the city sees a preview.
  const showResults = round.status === 'published' || round.canPublish || round.canReview;

  return (
    <Flex vertical gap={16}>
      <Link to="/app/rounds">
        <ArrowLeftOutlined /> {t('rounds.back')}
      </Link>
      <Card size={screens.sm ? undefined : 'small'}>
        <Flex vertical gap={16}>
          <Flex justify="space-between" align="flex-start" wrap gap={12}>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Typography.Title level={2} className="rounds-title" data-testid="round-title">
                {round.name}
              </Typography.Title>
              <div>
                <RoundStatusTag status={round.status} />
              </div>
            </Flex>
            <RoundActions round={round} />
          </Flex>
          <RoundFacts round={round} />
        </Flex>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid="round-tabs"
        items={[
          {
            key: 'wards',
            label: t('rounds.tabs.wards'),
            children: (
              <Flex vertical gap={16}>
                {isOfficer
                  ? round.wards.map((ward) => (
                      <WardSubmissionCard key={ward.wardId} round={round} ward={ward} />
                    ))
                  : null}
                <WardsTable round={round} />
              </Flex>
            ),
          },
          {
            key: 'timeline',
            label: t('rounds.tabs.timeline'),
            children: (
              <Card size={screens.sm ? undefined : 'small'}>
                <RoundTimeline events={round.timeline} />
              </Card>
            ),
          },
          ...(showResults
            ? [{ key: 'results', label: t('rounds.tabs.results'), children: <RoundResults round={round} /> }]
            : []),
        ]}
      />
    </Flex>
  );
}
