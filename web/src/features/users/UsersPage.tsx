import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popconfirm, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../api/types';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useMe } from '../auth/auth-api';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormDrawer } from './UserFormDrawer';
import { fetchUsers, updateUser, userKeys } from './users-api';

const PAGE_SIZE = 20;

function StatusTag({ user }: { user: UserRow }) {
  const { t } = useTranslation();
  if (!user.isActive) return <Tag>{t('users.status.disabled')}</Tag>;
  if (user.locked) return <Tag color="red">{t('users.status.locked')}</Tag>;
  return <Tag color="green">{t('users.status.active')}</Tag>;
}

const SCOPE_TAGS_SHOWN = 2;

/** A few scope units, and "+N" with the full list on hover, so a city-wide account keeps its row short. */
function ScopeTags({ scope }: { scope: UserRow['scope'] }) {
  const { t } = useTranslation();
  if (scope.length === 0) return <>{t('home.wholeCity')}</>;
  const hidden = scope.slice(SCOPE_TAGS_SHOWN);
  return (
    <Flex wrap gap={4}>
      {scope.slice(0, SCOPE_TAGS_SHOWN).map((unit) => (
        <Tag key={unit.id} style={{ marginInlineEnd: 0 }}>
          {unit.name}
        </Tag>
      ))}
      {hidden.length > 0 ? (
        <Tooltip title={hidden.map((unit) => unit.name).join(', ')}>
          <Tag style={{ marginInlineEnd: 0 }}>+{hidden.length}</Tag>
        </Tooltip>
      ) : null}
    </Flex>
  );
}

/** City admins manage accounts: list, create, edit role and scope, reset password, disable. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ open: boolean; user: UserRow | null }>({
    open: false,
    user: null,
  });
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const allowed = Boolean(me.data?.abilities.canManageUsers);
  const users = useQuery({
    queryKey: userKeys.list(q, page, PAGE_SIZE),
    queryFn: () => fetchUsers(q, page, PAGE_SIZE),
    enabled: allowed,
  });
  const toggleActive = useMutation({
    mutationFn: (user: UserRow) => updateUser(user.id, { isActive: !user.isActive }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
    onError: (error) => void message.error(errorMessage(error, t)),
  });

  if (!allowed) return <Result status="403" subTitle={t('errors.forbidden')} />;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ open: true, user: null })}
          data-testid="user-create"
        >
          {t('users.create')}
        </Button>
      </Flex>
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
        style={{ maxWidth: 360 }}
      />
      <ErrorAlert error={users.error} />
      <Table<UserRow>
        rowKey="id"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (total) =>
            t('table.total', { count: total, formatted: formatNumber(total, i18n.language) }),
        }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), dataIndex: 'role', render: (role: string) => t(`roles.${role}`) },
          {
            title: t('users.scope'),
            key: 'scope',
            render: (_: unknown, user) => <ScopeTags scope={user.scope} />,
          },
          {
            title: t('users.statusTitle'),
            key: 'status',
            render: (_: unknown, user) => <StatusTag user={user} />,
          },
          {
            title: t('users.actions'),
            key: 'actions',
            render: (_: unknown, user) => (
              <Space wrap size={4}>
                {user.abilities.canEdit ? (
                  <Button size="small" onClick={() => setEditing({ open: true, user })}>
                    {t('users.edit')}
                  </Button>
                ) : null}
                {user.abilities.canResetPassword ? (
                  <Button size="small" onClick={() => setResetting(user)}>
                    {t('users.resetPassword')}
                  </Button>
                ) : null}
                {user.abilities.canDisable ? (
                  <Popconfirm
                    title={
                      user.isActive
                        ? t('users.confirmDisable', { name: user.displayName })
                        : t('users.confirmEnable', { name: user.displayName })
                    }
                    okText={t('form.yes')}
                    cancelText={t('form.no')}
                    onConfirm={() => toggleActive.mutateAsync(user)}
                  >
                    <Button size="small" danger={user.isActive}>
                      {user.isActive ? t('users.disable') : t('users.enable')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <UserFormDrawer
        open={editing.open}
        user={editing.user}
        onClose={() => setEditing({ open: false, user: null })}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Flex>
  );
}
