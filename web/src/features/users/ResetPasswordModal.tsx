import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { MIN_PASSWORD_LENGTH } from '../auth/auth-api';
import { resetPassword } from './users-api';

export function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const mutation = useMutation({
    mutationFn: (newPassword: string) => resetPassword(user?.id ?? 0, newPassword),
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      onClose();
    },
  });
  return (
    <Modal
      open={user !== null}
      title={t('users.resetPassword')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('form.save')}
      cancelText={t('form.cancel')}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      afterOpenChange={(visible) => !visible && mutation.reset()}
    >
      <Typography.Paragraph>
        {t('users.resetPasswordFor', { name: user?.displayName ?? '' })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => mutation.mutate(values.newPassword)}
      >
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('users.initialPasswordHint')}
          rules={[
            { required: true, message: t('form.required') },
            { min: MIN_PASSWORD_LENGTH, message: t('password.rule', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <ErrorAlert error={mutation.error} />
      </Form>
    </Modal>
  );
}
