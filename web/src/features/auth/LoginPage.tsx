import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { PageLoading } from '../../ui/PageLoading';
import { ME_QUERY_KEY, login, useMe } from './auth-api';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-app paths are followed after login, so ?next= cannot send a user to another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/app') ? next : '/app';
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const me = useMe();
  const mutation = useMutation({
    mutationFn: (values: LoginValues) => login(values.username.trim(), values.password),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(ME_QUERY_KEY, user);
      void navigate(user.mustChangePassword ? '/app/password' : safeNext(params.get('next')), {
        replace: true,
      });
    },
  });

  if (me.isPending) return <PageLoading />;
  if (me.data && !mutation.isPending && !mutation.isSuccess) return <Navigate to="/app" replace />;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fb' }}>
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 400, marginBottom: 24 }}>
        <Link to="/" className="kps-brand">
          <img src="/favicon.svg" alt="" />
          {t('app.name')}
        </Link>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <Form<LoginValues>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate(values)}
          data-testid="login-form"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          {mutation.error ? (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={mutation.error} testId="login-error" />
            </div>
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={mutation.isPending}
            data-testid="login-submit"
          >
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, textAlign: 'center', maxWidth: 400 }}>
        {t('login.help')}
      </Typography.Paragraph>
    </Flex>
  );
}
