import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import { DATE_FORMAT, formatDate } from '../../ui/format';
import { useMe } from '../auth/auth-api';
import {
  addTeamMember,
  fetchTeam,
  leaveTeam,
  saveTeam,
  searchUsers,
  teamKeys,
  type TeamMember,
} from './teams-api';

/** Only these roles may join a team (the server checks it too: issue 4 contract). */
const MEMBER_ROLES = new Set(['team_member', 'hamlet_head']);

/**
 * Picks the account to add. City admins may search accounts (GET /api/users is theirs alone); everybody else
 * types the account's number, which the ward's city admin can tell them.
 */
function MemberPicker({ onPick, busy }: { onPick: (userId: number) => void; busy: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<number | null>(null);
  const canSearch = Boolean(me.data?.abilities.canManageUsers);
  const users = useQuery({
    queryKey: ['users', 'team-candidates', q],
    queryFn: () => searchUsers(q),
    enabled: canSearch,
  });
  return (
    <Flex gap={8} wrap>
      {canSearch ? (
        <Select<number>
          showSearch={{ filterOption: false, onSearch: setQ }}
          placeholder={t('teams.team.searchUser')}
          style={{ minWidth: 260 }}
          value={picked ?? undefined}
          onChange={setPicked}
          loading={users.isFetching}
          options={(users.data?.items ?? [])
            .filter((user) => MEMBER_ROLES.has(user.role))
            .map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
          data-testid="team-member-search"
        />
      ) : (
        <InputNumber<number>
          min={1}
          precision={0}
          placeholder={t('teams.team.userId')}
          style={{ minWidth: 200 }}
          value={picked}
          onChange={(value) => setPicked(value ?? null)}
          data-testid="team-member-id"
        />
      )}
      <Button
        disabled={picked === null}
        loading={busy}
        onClick={() => {
          if (picked !== null) onPick(picked);
          setPicked(null);
        }}
        data-testid="team-member-add"
      >
        {t('teams.team.addMember')}
      </Button>
    </Flex>
  );
}

interface DecisionForm {
  decisionNo: string;
  decisionDate: Dayjs;
}

/** The hamlet's community digital team: its founding decision and its members, past and present. */
export function TeamCard({ hamletId }: { hamletId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionForm>();
  const screens = Grid.useBreakpoint();
  const team = useQuery({ queryKey: teamKeys.team(hamletId), queryFn: () => fetchTeam(hamletId) });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: teamKeys.team(hamletId) });
  const onError = (error: unknown) => void message.error(errorMessage(error, t));
  const save = useMutation({
    mutationFn: (values: DecisionForm) =>
      saveTeam(hamletId, {
        decisionNo: values.decisionNo.trim(),
        decisionDate: values.decisionDate.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      void message.success(t('teams.saved'));
      return invalidate();
    },
    onError,
  });
  const add = useMutation({
    mutationFn: (userId: number) => addTeamMember(hamletId, userId),
    onSuccess: invalidate,
    onError,
  });
  const leave = useMutation({
    mutationFn: (userId: number) => leaveTeam(hamletId, userId),
    onSuccess: invalidate,
    onError,
  });
  const canEdit = Boolean(team.data?.abilities.canEdit);
  const current = team.data?.team;

  return (
    <Card title={t('teams.team.title')} data-testid="team-card">
      <Flex vertical gap={16}>
        <ErrorAlert error={team.error} />
        {canEdit ? (
          <Form<DecisionForm>
            form={form}
            layout={screens.md ? 'inline' : 'vertical'}
            key={`${current?.decisionNo ?? ''}|${current?.decisionDate ?? ''}`}
            initialValues={{
              decisionNo: current?.decisionNo ?? '',
              decisionDate: current?.decisionDate ? dayjs(current.decisionDate) : undefined,
            }}
            onFinish={(values) => save.mutate(values)}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="decisionNo"
              label={t('teams.team.decisionNo')}
              rules={[{ required: true, whitespace: true, message: t('teams.required') }]}
            >
              <Input maxLength={100} placeholder="123/QĐ-UBND" data-testid="team-decision-no" />
            </Form.Item>
            <Form.Item
              name="decisionDate"
              label={t('teams.team.decisionDate')}
              rules={[{ required: true, message: t('teams.required') }]}
            >
              <DatePicker format={DATE_FORMAT} data-testid="team-decision-date" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="team-save">
              {t('teams.save')}
            </Button>
          </Form>
        ) : current ? (
          <Typography.Text>
            {t('teams.team.decision', {
              no: current.decisionNo ?? '—',
              date: formatDate(current.decisionDate) || '—',
            })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('teams.team.none')}</Typography.Text>
        )}
        {current ? (
          <Table<TeamMember>
            rowKey={(member) => `${member.userId}-${member.joinedAt}`}
            size="small"
            pagination={false}
            dataSource={current.members}
            scroll={{ x: 'max-content' }}
            data-testid="team-members"
            columns={[
              { title: t('teams.team.member'), dataIndex: 'displayName' },
              { title: t('teams.team.username'), dataIndex: 'username' },
              {
                title: t('teams.team.joinedAt'),
                dataIndex: 'joinedAt',
                render: (v: string) => formatDate(v),
              },
              {
                title: t('teams.team.status'),
                key: 'status',
                render: (_: unknown, member) =>
                  member.leftAt ? (
                    <Tag>{t('teams.team.left', { date: formatDate(member.leftAt) })}</Tag>
                  ) : (
                    <Tag color="green">{t('teams.team.active')}</Tag>
                  ),
              },
              ...(canEdit
                ? [
                    {
                      title: '',
                      key: 'actions',
                      render: (_: unknown, member: TeamMember) =>
                        member.leftAt ? null : (
                          <Popconfirm
                            title={t('teams.team.confirmLeave', { name: member.displayName })}
                            okText={t('teams.yes')}
                            cancelText={t('teams.no')}
                            onConfirm={() => leave.mutateAsync(member.userId)}
                          >
                            <Button size="small">{t('teams.team.leave')}</Button>
                          </Popconfirm>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        ) : null}
        {canEdit && current ? <MemberPicker onPick={(id) => add.mutate(id)} busy={add.isPending} /> : null}
      </Flex>
    </Card>
  );
}
