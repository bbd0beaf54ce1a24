import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import type { ScoresSource } from './dashboard-api';

/** Says which figures of a past date are stored snapshots and which were computed live; nothing for today. */
export function SourceNote({ source }: { source: ScoresSource }) {
  const { t } = useTranslation();
  if (source.snapshots === 0 || !source.snapshotDates) return null;
  const [from, to] = source.snapshotDates;
  const dates = from === to ? formatDate(from) : `${formatDate(from)}–${formatDate(to)}`;
  return (
    <Typography.Text type="secondary" data-testid="source-note">
      {t('dashboard.sourceNote', { snapshots: source.snapshots, dates, live: source.live })}
    </Typography.Text>
  );
}

/** A statistic's caption, large enough to read from across a meeting room. */
export function StatTitle({ text }: { text: string }) {
  return <span style={{ fontSize: 16, color: 'rgba(0, 0, 0, 0.78)' }}>{text}</span>;
}
