import { Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../ui/format';
import type { PartialSource, ScoresSource } from './dashboard-api';

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

/** A former unit only part of which went into this ward: its share and its hamlets meeting the standard. */
export function PartialSourceTag({ source, style }: { source: PartialSource; style?: CSSProperties }) {
  const { t, i18n } = useTranslation();
  return (
    <Tag color="gold" style={style} data-testid="partial-source">
      {t('dashboard.ward.partialSource', {
        name: source.name,
        share: source.share === null ? '?' : `${formatNumber(source.share * 100, i18n.language, 0)}%`,
      })}
      {' · '}
      {source.hamletsMeetingStandard}/{source.hamlets}
    </Tag>
  );
}
