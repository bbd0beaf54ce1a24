import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IN_PROGRESS_COLOR, NO_DATA_COLOR, STATUS_COLORS } from '../../ui/status-colors';
import { todayIso } from '../../ui/format';
import { deadlineState } from './deadline';
import type { RoundStatus, SubmissionStatus } from './rounds-api';

// The shared traffic lights: green = done (approved, published), red = needs action (returned),
// blue = under way, amber = stopped but not final (closed), grey = nothing yet.
const ROUND_COLORS: Record<RoundStatus, string> = {
  open: IN_PROGRESS_COLOR,
  closed: STATUS_COLORS.not_assessable,
  published: STATUS_COLORS.met,
};

const SUBMISSION_COLORS: Record<SubmissionStatus | 'none', string> = {
  none: NO_DATA_COLOR,
  submitted: IN_PROGRESS_COLOR,
  returned: STATUS_COLORS.not_met,
  approved: STATUS_COLORS.met,
};

export function RoundStatusTag({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ROUND_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="round-status">
      {t(`rounds.status.${status}`)}
    </Tag>
  );
}

export function SubmissionStatusTag({ status }: { status: SubmissionStatus | 'none' | null }) {
  const { t } = useTranslation();
  const key = status ?? 'none';
  return (
    <Tag color={SUBMISSION_COLORS[key]} style={{ marginInlineEnd: 0 }} data-testid="submission-status">
      {t(`rounds.submissionStatus.${key}`)}
    </Tag>
  );
}

/** "còn 5 ngày" / "hạn chót hôm nay" / "đã hết hạn"; once a round is no longer open only the date matters. */
export function DeadlineHint({ deadline, status }: { deadline: string; status: RoundStatus }) {
  const { t } = useTranslation();
  if (status !== 'open') return null;
  const state = deadlineState(deadline, todayIso());
  if (state.kind === 'passed')
    return (
      <Typography.Text type="danger" data-testid="deadline-hint">
        {t('rounds.deadline.passed')}
      </Typography.Text>
    );
  return (
    <Typography.Text type={state.kind === 'today' ? 'warning' : 'secondary'} data-testid="deadline-hint">
      {state.kind === 'today' ? t('rounds.deadline.today') : t('rounds.deadline.left', { count: state.days })}
    </Typography.Text>
  );
}
