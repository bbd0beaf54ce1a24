import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DATE_FORMAT, formatDate, todayIso } from '../../ui/format';
import {
  createRound,
  fetchPublishedCriteriaSets,
  fetchWardOptions,
  roundKeys,
  type CreateRoundInput,
} from './rounds-api';
import { showServerFieldErrors } from './server-errors';

interface FormValues {
  name: string;
  assessmentDate: Dayjs;
  criteriaSetId: number;
  deadline: Dayjs;
  wardIds: number[];
}

const FIELDS = ['name', 'assessmentDate', 'criteriaSetId', 'deadline', 'wardIds'] as const;
// The server's limits (CreateRoundBody): the form refuses the same names before sending.
const ROUND_NAME_MIN = 3;
const ROUND_NAME_MAX = 200;

/** City admin: open a round — name, assessment date, criteria version, deadline, wards. */
export function CreateRoundDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  // A refusal that names a field is shown under that field, not a second time above the buttons.
  const [shownOnField, setShownOnField] = useState(false);
  const sets = useQuery({
    queryKey: roundKeys.criteriaSets,
    queryFn: fetchPublishedCriteriaSets,
    enabled: open,
  });
  const wards = useQuery({ queryKey: roundKeys.wards, queryFn: fetchWardOptions, enabled: open });

  const mutation = useMutation({
    mutationFn: (input: CreateRoundInput) => createRound(input),
    onSuccess: async (reply) => {
      await queryClient.invalidateQueries({ queryKey: roundKeys.all });
      onClose();
      void navigate(`/app/rounds/${reply.round.id}`);
    },
    onError: (error) => {
      setShownOnField(
        showServerFieldErrors(form, error, FIELDS, (field) => t(`rounds.form.invalid.${field}`)),
      );
    },
  });

  const submit = (values: FormValues) =>
    mutation.mutate({
      name: values.name.trim(),
      assessmentDate: values.assessmentDate.format('YYYY-MM-DD'),
      criteriaSetId: values.criteriaSetId,
      deadline: values.deadline.format('YYYY-MM-DD'),
      wardIds: values.wardIds,
    });

  const allWardIds = (wards.data ?? []).map((ward) => ward.id);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('rounds.create')}
      size={screens.sm ? 480 : '100%'}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          mutation.reset();
          form.resetFields();
        }
      }}
      data-testid="round-create-drawer"
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ wardIds: [] }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('rounds.form.name')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            {
              validator: (_rule, value: string | undefined) =>
                !value || value.trim().length >= ROUND_NAME_MIN
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('rounds.form.nameMin', { min: ROUND_NAME_MIN }))),
            },
            { max: ROUND_NAME_MAX, message: t('form.tooLong') },
          ]}
        >
          <Input placeholder={t('rounds.form.namePlaceholder')} data-testid="round-name" />
        </Form.Item>
        <Form.Item
          name="assessmentDate"
          label={t('rounds.form.assessmentDate')}
          extra={t('rounds.form.assessmentDateHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="round-assessment-date" />
        </Form.Item>
        <Form.Item
          name="criteriaSetId"
          label={t('rounds.form.criteriaSet')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select
            loading={sets.isLoading}
            data-testid="round-criteria-set"
            options={(sets.data ?? []).map((set) => ({
              value: set.id,
              label: t('rounds.form.criteriaSetOption', {
                name: set.name,
                version: set.version,
                from: formatDate(set.effectiveFrom),
              }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('rounds.form.deadline')}
          extra={t('rounds.form.deadlineHint')}
          dependencies={['assessmentDate']}
          rules={[
            { required: true, message: t('form.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | undefined) => {
                if (!value) return Promise.resolve();
                if (value.format('YYYY-MM-DD') < todayIso())
                  return Promise.reject(new Error(t('rounds.form.deadlineInPast')));
                const assessed = getFieldValue('assessmentDate') as Dayjs | undefined;
                if (assessed && value.isBefore(assessed, 'day'))
                  return Promise.reject(new Error(t('rounds.form.deadlineBeforeAssessment')));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(day) => day.isBefore(dayjs(), 'day')}
            data-testid="round-deadline"
          />
        </Form.Item>
        <Form.Item
          label={t('rounds.form.wards')}
          required
          extra={
            <Button
              type="link"
              size="small"
              style={{ paddingInline: 0 }}
              disabled={allWardIds.length === 0}
              onClick={() => form.setFieldValue('wardIds', allWardIds)}
              data-testid="round-wards-all"
            >
              {t('rounds.form.allWards', { count: allWardIds.length })}
            </Button>
          }
        >
          <Form.Item
            name="wardIds"
            noStyle
            rules={[{ required: true, type: 'array', min: 1, message: t('rounds.form.wardsRequired') }]}
          >
            <Select
              mode="multiple"
              loading={wards.isLoading}
              optionFilterProp="label"
              placeholder={t('rounds.form.wardsPlaceholder')}
              data-testid="round-wards"
              options={(wards.data ?? []).map((ward) => ({ value: ward.id, label: ward.name }))}
            />
          </Form.Item>
        </Form.Item>
        <ErrorAlert error={sets.error ?? wards.error} />
        {mutation.error && !shownOnField ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={mutation.error} testId="round-create-error" />
          </div>
        ) : null}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="round-submit">
            {t('rounds.form.open')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
