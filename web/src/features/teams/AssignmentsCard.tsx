import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Radio,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, errorMessage } from '../../ui/ErrorAlert';
import {
  assignHouseholds,
  fetchHouseholds,
  fetchTeam,
  teamKeys,
  unassignHousehold,
  type HouseholdRow,
} from './teams-api';

const PAGE_SIZE = 20;
type Mode = 'street' | 'households';

/**
 * Hands households to team members (issue 4 §1): a whole street at once, or households ticked in the list.
 * Only members still on the team can be chosen.
 */
export function AssignmentsCard({ hamletId }: { hamletId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>('street');
  const [memberId, setMemberId] = useState<number | null>(null);
  const [street, setStreet] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const team = useQuery({ queryKey: teamKeys.team(hamletId), queryFn: () => fetchTeam(hamletId) });
  const households = useQuery({
    queryKey: teamKeys.households(hamletId, q, page),
    queryFn: () => fetchHouseholds(hamletId, q, page, PAGE_SIZE),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['hamlets', hamletId, 'households'] }),
      queryClient.invalidateQueries({ queryKey: teamKeys.coverage(hamletId) }),
    ]);
  const assign = useMutation({
    mutationFn: () =>
      assignHouseholds(hamletId, {
        memberUserId: memberId!,
        ...(mode === 'street' ? { street: street.trim() } : { householdUids: selected }),
      }),
    onSuccess: (reply) => {
      void message.success(t('teams.assign.done', { count: reply.assigned }));
      setSelected([]);
      return refresh();
    },
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const unassign = useMutation({
    mutationFn: (uid: string) => unassignHousehold(hamletId, uid),
    onSuccess: refresh,
    onError: (error) => void message.error(errorMessage(error, t)),
  });
  const canEdit = Boolean(team.data?.abilities.canEdit);
  const activeMembers = (team.data?.team?.members ?? []).filter((member) => !member.leftAt);
  // Streets seen on the listed page: a hint only; the server matches the typed street against every household.
  const streets = [
    ...new Set((households.data?.items ?? []).flatMap((h) => (h.street ? [h.street] : []))),
  ].filter((value) => value.toLowerCase().includes(street.trim().toLowerCase()));
  const ready = memberId !== null && (mode === 'street' ? street.trim() !== '' : selected.length > 0);

  return (
    <Card title={t('teams.assign.title')} data-testid="assignments-card">
      <Flex vertical gap={12}>
        <ErrorAlert error={households.error} />
        {canEdit ? (
          <Flex gap={8} wrap align="center">
            <Select<number>
              placeholder={t('teams.assign.member')}
              style={{ minWidth: 220 }}
              value={memberId ?? undefined}
              onChange={setMemberId}
              options={activeMembers.map((m) => ({ value: m.userId, label: m.displayName }))}
              data-testid="assign-member"
            />
            <Radio.Group
              value={mode}
              onChange={(event) => setMode(event.target.value as Mode)}
              optionType="button"
              options={[
                { value: 'street', label: t('teams.assign.byStreet') },
                { value: 'households', label: t('teams.assign.bySelection', { count: selected.length }) },
              ]}
            />
            {mode === 'street' ? (
              <AutoComplete
                placeholder={t('teams.households.street')}
                value={street}
                onChange={setStreet}
                options={streets.map((value) => ({ value }))}
                style={{ minWidth: 200 }}
                data-testid="assign-street"
              />
            ) : null}
            <Button
              type="primary"
              disabled={!ready}
              loading={assign.isPending}
              onClick={() => assign.mutate()}
              data-testid="assign-submit"
            >
              {t('teams.assign.submit')}
            </Button>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('teams.assign.readOnly')}</Typography.Text>
        )}
        <Input.Search
          allowClear
          placeholder={t('teams.households.search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ maxWidth: 360 }}
        />
        <Table<HouseholdRow>
          rowKey="uid"
          size="small"
          loading={households.isFetching}
          dataSource={households.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          rowSelection={
            canEdit && mode === 'households'
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelected(keys.map(String)),
                }
              : undefined
          }
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: households.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="assign-households"
          columns={[
            { title: t('teams.households.localCode'), dataIndex: 'localCode' },
            { title: t('teams.households.address'), dataIndex: 'address' },
            { title: t('teams.households.street'), dataIndex: 'street' },
            {
              title: t('teams.households.assignedTo'),
              key: 'assignedTo',
              render: (_: unknown, row) =>
                row.assignedTo ? (
                  <Flex gap={8} align="center">
                    {row.assignedTo.displayName}
                    {canEdit ? (
                      <Popconfirm
                        title={t('teams.assign.confirmUnassign')}
                        okText={t('teams.yes')}
                        cancelText={t('teams.no')}
                        onConfirm={() => unassign.mutateAsync(row.uid)}
                      >
                        <Button size="small" type="link">
                          {t('teams.assign.unassign')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </Flex>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
