import { Empty, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { IN_PROGRESS_COLOR, NO_DATA_COLOR, STATUS_COLORS } from '../../ui/status-colors';
import type { TimelineEvent, TimelineKind } from './rounds-api';

const KIND_COLORS: Record<TimelineKind, string> = {
  opened: IN_PROGRESS_COLOR,
  submitted: IN_PROGRESS_COLOR,
  resubmitted: IN_PROGRESS_COLOR,
  returned: STATUS_COLORS.not_met,
  approved: STATUS_COLORS.met,
  closed: STATUS_COLORS.not_assessable,
  published: STATUS_COLORS.met,
  evidence_added: NO_DATA_COLOR,
  evidence_removed: NO_DATA_COLOR,
};

/** The round's history, newest first: who did what, for which ward, with the comment given. */
export function RoundTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0) return <Empty description={t('rounds.timeline.empty')} />;
  const newestFirst = [...events].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Timeline
      data-testid="round-timeline"
      items={newestFirst.map((event, index) => ({
        key: `${event.at}-${index}`,
        color: KIND_COLORS[event.kind],
        content: (
          <Flex vertical gap={2} data-testid="timeline-item" data-kind={event.kind}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(event.at)}
            </Typography.Text>
            <Typography.Text>
              <strong>{t(`rounds.timeline.kinds.${event.kind}`)}</strong>
              {event.wardName ? ` · ${event.wardName}` : ''}
            </Typography.Text>
            {event.actorName ? (
              <Typography.Text type="secondary">
                {t('rounds.timeline.by', { name: event.actorName })}
              </Typography.Text>
            ) : null}
            {event.comment ? <span className="rounds-timeline-comment">{event.comment}</span> : null}
          </Flex>
        ),
      }))}
    />
  );
}
