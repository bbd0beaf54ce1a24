import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Table, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { SubmissionStatusTag } from './RoundTags';
import {
  EvidenceList,
  FrozenHamletsTable,
  ReviewComment,
  SubmissionNote,
  hamletsMet,
} from './SubmissionParts';
import { approveWard, returnWard, roundKeys, type RoundDetail, type RoundWard } from './rounds-api';

const RETURN_COMMENT_MIN = 5;
const RETURN_COMMENT_MAX = 2000;

/** "Trả lại" needs a reason the ward can act on: the comment is required. */
function ReturnModal({
  round,
  ward,
  onClose,
}: {
  round: RoundDetail;
  ward: RoundWard | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ comment: string }>();
  const mutation = useMutation({
    mutationFn: (comment: string) => returnWard(round.id, ward!.wardId, comment),
    onSuccess: async () => {
      void message.success(t('rounds.review.returnedMessage', { ward: ward?.wardName }));
      await queryClient.invalidateQueries({ queryKey: roundKeys.all });
      onClose();
    },
  });
  return (
    <Modal
      open={ward !== null}
      title={t('rounds.review.returnTitle', { ward: ward?.wardName ?? '' })}
      onCancel={onClose}
      okText={t('rounds.review.return')}
      cancelText={t('form.cancel')}
      okButtonProps={
        // data-* attributes reach the button element; ButtonProps does not list them.
        { danger: true, loading: mutation.isPending, 'data-testid': 'return-confirm' } as ButtonProps
      }
      onOk={() => form.submit()}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          form.resetFields();
          mutation.reset();
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => mutation.mutate(v.comment.trim())}
      >
        <Form.Item
          name="comment"
          label={t('rounds.review.comment')}
          extra={t('rounds.review.commentHint')}
          rules={[
            { required: true, whitespace: true, message: t('rounds.review.commentRequired') },
            { min: RETURN_COMMENT_MIN, message: t('rounds.review.commentMin', { min: RETURN_COMMENT_MIN }) },
            { max: RETURN_COMMENT_MAX, message: t('form.tooLong') },
          ]}
        >
          <Input.TextArea rows={4} autoFocus data-testid="return-comment" />
        </Form.Item>
      </Form>
      <ErrorAlert error={mutation.error} />
    </Modal>
  );
}

/** Everything the ward sent, for the reviewer: the city's last comment, hamlet results, evidence. */
function WardDetail({ round, ward }: { round: RoundDetail; ward: RoundWard }) {
  const { t } = useTranslation();
  const submission = ward.submission;
  if (!submission) return <Typography.Text type="secondary">{t('rounds.ward.nothingYet')}</Typography.Text>;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <ReviewComment submission={submission} />
      <SubmissionNote submission={submission} />
      {submission.hamlets.length > 0 ? <FrozenHamletsTable hamlets={submission.hamlets} /> : null}
      <Typography.Text strong>{t('rounds.evidence.title')}</Typography.Text>
      <EvidenceList roundId={round.id} evidence={ward.evidence} />
    </Flex>
  );
}

/** One row per ward of the round; a city admin reviews pending submissions from here. */
export function WardsTable({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState<RoundWard | null>(null);
  const approve = useMutation({
    mutationFn: (ward: RoundWard) => approveWard(round.id, ward.wardId),
    onSuccess: async (_reply, ward) => {
      void message.success(t('rounds.review.approvedMessage', { ward: ward.wardName }));
      await queryClient.invalidateQueries({ queryKey: roundKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  return (
    <>
      <Table<RoundWard>
        rowKey="wardId"
        dataSource={round.wards}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="round-wards"
        expandable={{
          expandedRowRender: (ward) => <WardDetail round={round} ward={ward} />,
          rowExpandable: (ward) => ward.submission !== null,
        }}
        columns={[
          { title: t('rounds.fields.ward'), dataIndex: 'wardName' },
          {
            title: t('rounds.fields.status'),
            key: 'status',
            render: (_: unknown, ward) => <SubmissionStatusTag status={ward.submission?.status ?? null} />,
          },
          {
            title: t('rounds.fields.submittedAt'),
            key: 'submittedAt',
            render: (_: unknown, ward) =>
              ward.submission?.submittedAt ? (
                <Flex vertical>
                  <span>{formatDateTime(ward.submission.submittedAt)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {ward.submission.submittedByName}
                  </Typography.Text>
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: t('rounds.fields.hamletsMet'),
            key: 'hamlets',
            render: (_: unknown, ward) => {
              const counts = hamletsMet(ward.submission);
              return counts ? t('rounds.ward.hamletsKofN', { k: counts.met, n: counts.total }) : '—';
            },
          },
          {
            title: t('rounds.fields.evidence'),
            key: 'evidence',
            align: 'right',
            render: (_: unknown, ward) => ward.evidence.length,
          },
          ...(round.canReview
            ? [
                {
                  title: t('rounds.fields.actions'),
                  key: 'actions',
                  render: (_: unknown, ward: RoundWard) => {
                    if (ward.submission?.status !== 'submitted') return null;
                    return (
                      <Flex gap={4} wrap>
                        <Popconfirm
                          title={t('rounds.review.confirmApprove', { ward: ward.wardName })}
                          description={t('rounds.review.approveHint')}
                          okText={t('form.yes')}
                          cancelText={t('form.no')}
                          onConfirm={() => approve.mutateAsync(ward).catch(() => undefined)}
                        >
                          <Button
                            size="small"
                            type="primary"
                            loading={approve.isPending && approve.variables?.wardId === ward.wardId}
                            data-testid="ward-approve"
                          >
                            {t('rounds.review.approve')}
                          </Button>
                        </Popconfirm>
                        <Button
                          size="small"
                          danger
                          onClick={() => setReturning(ward)}
                          data-testid="ward-return"
                        >
                          {t('rounds.review.return')}
                        </Button>
                      </Flex>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <ReturnModal round={round} ward={returning} onClose={() => setReturning(null)} />
    </>
  );
}
