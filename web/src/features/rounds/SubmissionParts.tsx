import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../ui/StatusTag';
import { formatDateTime, formatNumber } from '../../ui/format';
import { evidenceUrl, type Evidence, type FrozenHamlet, type Submission } from './rounds-api';

/** 1,2 MB / 350 KB, in the reader's number format. */
export function formatSize(bytes: number, language: string): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / (1024 * 1024), language)} MB`;
  return `${formatNumber(Math.max(bytes / 1024, 0.1), language)} KB`;
}

/** Pilot hamlets that met the standard, out of those frozen in the submission. */
export function hamletsMet(submission: Submission | null): { met: number; total: number } | null {
  if (!submission || submission.hamlets.length === 0) return null;
  return {
    met: submission.hamlets.filter((hamlet) => hamlet.meetsStandard).length,
    total: submission.hamlets.length,
  };
}

/** The city's comment on a returned (or approved with remarks) submission, impossible to miss. */
export function ReviewComment({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  if (!submission.reviewComment) return null;
  const returned = submission.status === 'returned';
  return (
    <Alert
      type={returned ? 'warning' : 'info'}
      showIcon
      data-testid="review-comment"
      title={
        returned
          ? t('rounds.ward.returnedTitle')
          : submission.status === 'submitted'
            ? t('rounds.ward.previousReviewTitle')
            : t('rounds.ward.reviewTitle')
      }
      description={
        <Flex vertical gap={4}>
          <Typography.Text strong style={{ whiteSpace: 'pre-wrap' }} data-testid="review-comment-text">
            {submission.reviewComment}
          </Typography.Text>
          {submission.reviewedAt ? (
            <Typography.Text type="secondary">{formatDateTime(submission.reviewedAt)}</Typography.Text>
          ) : null}
        </Flex>
      }
    />
  );
}

/** What the ward wrote when it submitted, for the reviewer. */
export function SubmissionNote({ submission }: { submission: Submission }) {
  const { t } = useTranslation();
  if (!submission.note) return null;
  return (
    <Flex vertical gap={2} data-testid="submission-note">
      <Typography.Text type="secondary">
        {t('rounds.ward.noteFrom', { name: submission.submittedByName ?? '' })}
      </Typography.Text>
      <span className="rounds-timeline-comment">{submission.note}</span>
    </Flex>
  );
}

type Verdict = Pick<FrozenHamlet, 'met' | 'applicable' | 'meetsStandard' | 'totalGap'>;

/** Criteria met, result and total gap: the verdict columns of the frozen hamlets and of the round's ranking. */
export function useVerdictColumns<T extends Verdict>(): TableColumnsType<T> {
  const { t, i18n } = useTranslation();
  return [
    {
      title: t('rounds.fields.criteriaMet'),
      key: 'met',
      render: (_: unknown, row) => t('rounds.ward.kOfN', { k: row.met, n: row.applicable }),
    },
    {
      title: t('rounds.fields.result'),
      key: 'standard',
      render: (_: unknown, row) => <StatusTag status={row.meetsStandard ? 'met' : 'not_met'} />,
    },
    {
      title: t('rounds.fields.totalGap'),
      dataIndex: 'totalGap',
      align: 'right',
      render: (value: number) => formatNumber(value, i18n.language),
    },
  ];
}

/** The assessment snapshot frozen at submission: one row per pilot hamlet. */
export function FrozenHamletsTable({ hamlets }: { hamlets: FrozenHamlet[] }) {
  const { t } = useTranslation();
  const verdictColumns = useVerdictColumns<FrozenHamlet>();
  return (
    <Table<FrozenHamlet>
      rowKey="hamletId"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={hamlets}
      data-testid="frozen-hamlets"
      locale={{ emptyText: <Empty description={t('rounds.ward.noHamlets')} /> }}
      columns={[{ title: t('rounds.fields.hamlet'), dataIndex: 'hamletName' }, ...verdictColumns]}
    />
  );
}

interface EvidenceListProps {
  roundId: number;
  evidence: Evidence[];
  /** Given when the reader may still remove files (before submission, or after a return). */
  onRemove?: (evidence: Evidence) => void;
  removingId?: number | null;
}

export function EvidenceList({ roundId, evidence, onRemove, removingId }: EvidenceListProps) {
  const { t, i18n } = useTranslation();
  if (evidence.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="evidence-empty">
        {t('rounds.evidence.none')}
      </Typography.Text>
    );
  return (
    <ul className="rounds-evidence" data-testid="evidence-list">
      {evidence.map((item) => (
        <li key={item.id} data-testid="evidence-item">
          <Flex vertical style={{ minWidth: 0, flex: 1 }}>
            <Typography.Link
              href={evidenceUrl(roundId, item.id)}
              download={item.filename}
              ellipsis
              style={{ maxWidth: '100%' }}
            >
              <PaperClipOutlined /> {item.filename}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatSize(item.size, i18n.language)} · {formatDateTime(item.uploadedAt)}
            </Typography.Text>
          </Flex>
          {onRemove ? (
            <Popconfirm
              title={t('rounds.evidence.confirmRemove', { name: item.filename })}
              okText={t('form.yes')}
              cancelText={t('form.no')}
              onConfirm={() => onRemove(item)}
            >
              <Button
                size="small"
                danger
                type="text"
                icon={<DeleteOutlined />}
                loading={removingId === item.id}
                aria-label={t('rounds.evidence.remove')}
                data-testid="evidence-remove"
              />
            </Popconfirm>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
