import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DisplayNameSchema, UsernameSchema } from '../../../../domain/users/schemas';
import { ROLE_IDS } from '../../../../domain/users/roles';
import type { Role, UserRow } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { zodRule } from '../../ui/zod-rule';
import { MIN_PASSWORD_LENGTH } from '../auth/auth-api';
import { UnitPicker } from '../units/UnitPicker';
import { createUser, updateUser, userKeys } from './users-api';

interface UserFormValues {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  scopeUnitIds: number[];
}

interface UserFormDrawerProps {
  open: boolean;
  /** The user being edited, or null to create one. */
  user: UserRow | null;
  onClose: () => void;
}

/** Creates a user, or edits display name, role and scope of an existing one. */
export function UserFormDrawer({ open, user, onClose }: UserFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const isCreate = user === null;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user)
      form.setFieldsValue({
        displayName: user.displayName,
        role: user.role,
        scopeUnitIds: user.scope.map((unit) => unit.id),
      });
  }, [open, user, form]);

  const mutation = useMutation({
    mutationFn: (values: UserFormValues) =>
      isCreate
        ? createUser({
            ...values,
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            scopeUnitIds: values.scopeUnitIds ?? [],
          })
        : updateUser(user.id, {
            displayName: values.displayName.trim(),
            role: values.role,
            scopeUnitIds: values.scopeUnitIds ?? [],
          }),
    onSuccess: async () => {
      void message.success(isCreate ? t('users.created') : t('users.saved'));
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isCreate ? t('users.create') : t('users.edit')}
      size={screens.sm ? 440 : '100%'}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && mutation.reset()}
      data-testid="user-form-drawer"
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'commune_officer', scopeUnitIds: [] }}
        onFinish={(values) => mutation.mutate(values)}
      >
        {isCreate ? (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameRule')}
            rules={[
              { required: true, message: t('form.required') },
              zodRule(UsernameSchema, t('users.usernameRule')),
            ]}
          >
            <Input autoComplete="off" data-testid="user-username" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            zodRule(DisplayNameSchema, t('form.tooLong')),
          ]}
        >
          <Input data-testid="user-display-name-input" />
        </Form.Item>
        {isCreate ? (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={t('users.initialPasswordHint')}
            rules={[
              { required: true, message: t('form.required') },
              { min: MIN_PASSWORD_LENGTH, message: t('password.rule', { min: MIN_PASSWORD_LENGTH }) },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Select
            options={ROLE_IDS.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            data-testid="user-role"
          />
        </Form.Item>
        <Form.Item name="scopeUnitIds" label={t('users.scope')} extra={t('users.scopeHint')}>
          <UnitPicker known={user?.scope ?? []} />
        </Form.Item>
        {mutation.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={mutation.error} />
          </div>
        ) : null}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="user-submit">
            {t('form.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
