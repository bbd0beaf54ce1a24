import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { zodRule } from '../../ui/zod-rule';
import { DATE_FORMAT } from '../../ui/format';
import { UnitNameSchema } from '../../../../domain/admin-units/schemas';
import { typesForLevel, type UnitType } from '../../../../domain/admin-units/unit-types';
import { changeUnitType, renameUnit, unitKeys } from './units-api';

type Action = 'rename' | 'changeType' | null;

interface ActionValues {
  name?: string;
  type?: UnitType;
  effectiveDate: Dayjs;
}

/** Rename and change-type, shown only when the server says the user may (abilities). */
export function UnitActions({ detail }: { detail: UnitDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action>(null);
  const [form] = Form.useForm<ActionValues>();
  const unit = detail.unit;

  const mutation = useMutation({
    mutationFn: (values: ActionValues) => {
      const effectiveDate = values.effectiveDate.format('YYYY-MM-DD');
      return action === 'rename'
        ? renameUnit(unit.id, { name: (values.name ?? '').trim(), effectiveDate })
        : changeUnitType(unit.id, { type: values.type ?? (unit.type as UnitType), effectiveDate });
    },
    onSuccess: async () => {
      void message.success(t('units.actions.saved'));
      setAction(null);
      await queryClient.invalidateQueries({ queryKey: unitKeys.all });
    },
  });

  const open = (next: Action) => {
    mutation.reset();
    form.resetFields();
    form.setFieldsValue({ name: unit.name, type: unit.type as UnitType });
    setAction(next);
  };

  if (!detail.abilities.canRename && !detail.abilities.canChangeType) return null;
  return (
    <>
      <Space wrap>
        {detail.abilities.canRename ? (
          <Button onClick={() => open('rename')} data-testid="unit-rename">
            {t('units.actions.rename')}
          </Button>
        ) : null}
        {detail.abilities.canChangeType ? (
          <Button onClick={() => open('changeType')} data-testid="unit-change-type">
            {t('units.actions.changeType')}
          </Button>
        ) : null}
      </Space>
      <Modal
        open={action !== null}
        title={action === 'rename' ? t('units.actions.rename') : t('units.actions.changeType')}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        okText={t('form.save')}
        cancelText={t('form.cancel')}
        confirmLoading={mutation.isPending}
        destroyOnHidden
      >
        <Form<ActionValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
        >
          {action === 'rename' ? (
            <Form.Item
              name="name"
              label={t('units.newName')}
              rules={[
                { required: true, whitespace: true, message: t('form.required') },
                zodRule(UnitNameSchema, t('form.tooLong')),
              ]}
            >
              <Input />
            </Form.Item>
          ) : (
            <Form.Item
              name="type"
              label={t('units.newType')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select
                options={typesForLevel(unit.level).map((type) => ({
                  value: type,
                  label: t(`unitTypes.${type}`),
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="effectiveDate"
            label={t('units.effectiveDate')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <ErrorAlert error={mutation.error} />
        </Form>
      </Modal>
    </>
  );
}
