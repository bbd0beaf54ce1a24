import { CheckCircleOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Grid, Input, Popconfirm, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import { formatDate, formatDateTime, todayIso } from '../../ui/format';
import { SubmissionStatusTag } from './RoundTags';
import { EvidenceList, FrozenHamletsTable, ReviewComment } from './SubmissionParts';
import {
  removeEvidence,
  roundKeys,
  submitWard,
  uploadEvidence,
  type Evidence,
  type RoundDetail,
  type RoundWard,
} from './rounds-api';

/** What the server accepts (checked there by content, not by name); the picker only pre-filters. */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx';
/** The server's limit on the note sent with a submission. */
const NOTE_MAX = 2000;

/**
 * A commune officer's own ward in a round: gather evidence, submit the self-assessment (which freezes one
 * snapshot per pilot hamlet), read the city's comment after a return and submit again.
 */
export function WardSubmissionCard({ round, ward }: { round: RoundDetail; ward: RoundWard }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [progress, setProgress] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const submission = ward.submission;
  const status = submission?.status ?? null;
  const canAct = round.canSubmitWardIds.includes(ward.wardId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: roundKeys.all });

  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadEvidence(round.id, ward.wardId, file, setProgress);
    },
    onSuccess: async (reply) => {
      void message.success(t('rounds.evidence.uploaded', { name: reply.evidence.filename }));
      setProgress(null);
      await refresh();
    },
    onError: () => setProgress(null),
  });
  const remove = useMutation({
    mutationFn: (evidence: Evidence) => removeEvidence(round.id, ward.wardId, evidence.id),
    onSuccess: refresh,
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const submit = useMutation({
    mutationFn: () => submitWard(round.id, ward.wardId, note.trim() || undefined),
    onSuccess: async () => {
      setNote('');
      void message.success(t('rounds.ward.submittedMessage'));
      await refresh();
    },
  });

  const resubmit = status === 'returned';
  const evidence = ward.evidence;
  const today = todayIso();
  // Why an officer cannot act on a ward that has not sent anything (or was returned) — never a silent page.
  let blocked: string | null = null;
  if (!canAct && (status === null || status === 'returned')) {
    if (round.status !== 'open') blocked = t('rounds.ward.roundNotOpen');
    else if (status === null && today < round.assessmentDate)
      blocked = t('rounds.ward.notStarted', { date: formatDate(round.assessmentDate) });
    else if (status === null) blocked = t('rounds.ward.deadlinePassed', { date: formatDate(round.deadline) });
  }

  return (
    <Card
      size={screens.sm ? undefined : 'small'}
      data-testid={`ward-card-${ward.wardId}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{ward.wardName}</span>
          <SubmissionStatusTag status={status} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {submission ? <ReviewComment submission={submission} /> : null}
        {status === 'approved' ? (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            title={t('rounds.ward.approvedLocked')}
          />
        ) : null}
        {blocked ? <Alert type="warning" showIcon title={blocked} data-testid="ward-blocked" /> : null}
        {status === 'submitted' ? (
          <Alert
            type="info"
            showIcon
            data-testid="ward-waiting"
            title={t('rounds.ward.waiting', {
              at: formatDateTime(submission?.submittedAt),
              by: submission?.submittedByName ?? '',
            })}
          />
        ) : null}

        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('rounds.evidence.title')}
          </Typography.Title>
          <EvidenceList
            roundId={round.id}
            evidence={evidence}
            onRemove={canAct ? (item) => remove.mutate(item) : undefined}
            removingId={remove.isPending ? (remove.variables?.id ?? null) : null}
          />
          {canAct ? (
            <Flex vertical gap={8}>
              <Upload
                accept={ACCEPT}
                multiple={false}
                showUploadList={false}
                disabled={upload.isPending}
                beforeUpload={(file) => {
                  upload.reset();
                  upload.mutate(file);
                  // Sent through our own XHR (progress, server's localised errors), not antd's request.
                  return false;
                }}
                data-testid="evidence-upload"
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending}>
                  {t('rounds.evidence.add')}
                </Button>
              </Upload>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('rounds.evidence.hint')}
              </Typography.Text>
              {progress !== null ? (
                <Progress percent={progress} status="active" size="small" data-testid="evidence-progress" />
              ) : null}
              <ErrorAlert error={upload.error} testId="evidence-error" />
            </Flex>
          ) : null}
        </Flex>

        <Flex vertical gap={8}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('rounds.ward.hamletsTitle')}
          </Typography.Title>
          {submission && submission.hamlets.length > 0 ? (
            <FrozenHamletsTable hamlets={submission.hamlets} />
          ) : (
            <Typography.Text type="secondary">
              {t('rounds.ward.freezeHint', { date: formatDate(round.assessmentDate) })}
            </Typography.Text>
          )}
        </Flex>

        {canAct ? (
          <Flex vertical gap={8} align="stretch">
            <Input.TextArea
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={NOTE_MAX}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('rounds.ward.notePlaceholder')}
              aria-label={t('rounds.ward.note')}
              data-testid="ward-note"
            />
            <ErrorAlert error={submit.error} testId="submit-error" />
            <Popconfirm
              title={resubmit ? t('rounds.ward.confirmResubmit') : t('rounds.ward.confirmSubmit')}
              description={t('rounds.ward.confirmSubmitHint', { date: formatDate(round.assessmentDate) })}
              okText={t('form.yes')}
              cancelText={t('form.no')}
              onConfirm={() => submit.mutateAsync().catch(() => undefined)}
            >
              <Button
                type="primary"
                style={{ alignSelf: 'flex-start' }}
                icon={<SendOutlined />}
                loading={submit.isPending}
                data-testid="ward-submit"
              >
                {resubmit ? t('rounds.ward.resubmit') : t('rounds.ward.submit')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
