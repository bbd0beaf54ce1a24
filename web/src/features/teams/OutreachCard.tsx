import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import { DATE_FORMAT, formatDate } from '../../ui/format';
import {
  createOutreach,
  fetchHouseholds,
  fetchOutreach,
  OUTREACH_KINDS,
  teamKeys,
  type OutreachKind,
  type OutreachSession,
} from './teams-api';

interface OutreachForm {
  heldOn: Dayjs;
  kind: OutreachKind;
  topic: string;
  attendees: number;
  householdUids?: string[];
}

const KIND_COLORS: Record<OutreachKind, string> = {
  outreach: 'blue',
  training: 'purple',
  support_day: 'green',
};

/** Households reached, picked by local code or address (the list is searched on the server). */
function HouseholdSelect({
  hamletId,
  ...props
}: {
  hamletId: number;
  value?: string[];
  onChange?: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const households = useQuery({
    queryKey: teamKeys.households(hamletId, q, 1),
    queryFn: () => fetchHouseholds(hamletId, q, 1, 50),
  });
  return (
    <Select<string[]>
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('teams.households.search')}
      loading={households.isFetching}
      options={(households.data?.items ?? []).map((h) => ({
        value: h.uid,
        label: [h.localCode, h.address].filter(Boolean).join(' · '),
      }))}
      {...props}
    />
  );
}

/**
 * Outreach, training and support days held in the hamlet (issue 4 §4). Households reached are marked
 * "reached by outreach" by the server (AWR-1); training attendees count toward SKL-4.
 */
export function OutreachCard({ hamletId }: { hamletId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OutreachForm>();
  const sessions = useQuery({
    queryKey: teamKeys.outreach(hamletId),
    queryFn: () => fetchOutreach(hamletId),
  });
  const canCreate = Boolean(sessions.data?.abilities.canCreate);
  const create = useMutation({
    mutationFn: (values: OutreachForm) =>
      createOutreach(hamletId, {
        heldOn: values.heldOn.format('YYYY-MM-DD'),
        kind: values.kind,
        topic: values.topic.trim(),
        attendees: values.attendees,
        householdUids: values.householdUids?.length ? values.householdUids : undefined,
      }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('teams.saved'));
      return queryClient.invalidateQueries({ queryKey: teamKeys.outreach(hamletId) });
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  return (
    <Card
      title={t('teams.outreach.title')}
      extra={
        canCreate ? (
          <Button type="primary" onClick={() => setOpen(true)} data-testid="outreach-create">
            {t('teams.outreach.create')}
          </Button>
        ) : null
      }
      data-testid="outreach-card"
    >
      <ErrorAlert error={sessions.error} />
      <Table<OutreachSession>
        rowKey="id"
        size="small"
        loading={sessions.isFetching}
        dataSource={sessions.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('teams.outreach.heldOn'), dataIndex: 'heldOn', render: (v: string) => formatDate(v) },
          {
            title: t('teams.outreach.kind'),
            dataIndex: 'kind',
            render: (kind: OutreachKind) => (
              <Tag color={KIND_COLORS[kind]}>{t(`teams.outreach.kinds.${kind}`)}</Tag>
            ),
          },
          { title: t('teams.outreach.topic'), dataIndex: 'topic' },
          { title: t('teams.outreach.attendees'), dataIndex: 'attendees', align: 'right' },
          {
            title: t('teams.outreach.householdsReached'),
            key: 'reached',
            align: 'right',
            render: (_: unknown, row) => row.householdUids.length,
          },
        ]}
      />
      <Modal
        open={open}
        title={t('teams.outreach.create')}
        okText={t('teams.save')}
        cancelText={t('teams.cancel')}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<OutreachForm>
          form={form}
          layout="vertical"
          initialValues={{ heldOn: dayjs(), kind: 'outreach', attendees: 0 }}
          onFinish={(values) => create.mutate(values)}
        >
          <Flex gap={12} wrap>
            <Form.Item
              name="heldOn"
              label={t('teams.outreach.heldOn')}
              rules={[{ required: true, message: t('teams.required') }]}
            >
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="kind" label={t('teams.outreach.kind')} rules={[{ required: true }]}>
              <Select
                style={{ minWidth: 180 }}
                options={OUTREACH_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`teams.outreach.kinds.${kind}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="attendees"
              label={t('teams.outreach.attendees')}
              rules={[{ required: true, message: t('teams.required') }]}
            >
              <InputNumber min={0} precision={0} />
            </Form.Item>
          </Flex>
          <Form.Item
            name="topic"
            label={t('teams.outreach.topic')}
            rules={[{ required: true, whitespace: true, message: t('teams.required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="householdUids" label={t('teams.outreach.householdsReached')}>
            <HouseholdSelect hamletId={hamletId} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
