import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Input, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { foldVietnamese } from '../../../../domain/text/fold';
import type { Me } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useMe } from '../auth/auth-api';
import { fetchHamletsUnder, fetchTopUnits, teamKeys } from './teams-api';

interface HamletRow {
  id: number;
  name: string;
  parentName: string | null;
}

/**
 * Every hamlet today under the user's scope units. A city-wide account has no scope units: its top units
 * (GET /units/tree) stand in for them. Duplicates (a ward and one of its hamlets both in scope) are dropped.
 */
async function fetchMyHamlets(me: Me): Promise<HamletRow[]> {
  const roots = me.scope.length > 0 ? me.scope : (await fetchTopUnits()).items;
  const lists = await Promise.all(
    roots.map(async (unit) =>
      unit.level === 'hamlet'
        ? [{ id: unit.id, name: unit.name, parentName: null }]
        : (await fetchHamletsUnder(unit.id)).items,
    ),
  );
  const byId = new Map<number, HamletRow>();
  for (const h of lists.flat()) byId.set(h.id, { id: h.id, name: h.name, parentName: h.parentName });
  return [...byId.values()].sort(
    (a, b) =>
      (a.parentName ?? '').localeCompare(b.parentName ?? '', 'vi') || a.name.localeCompare(b.name, 'vi'),
  );
}

/** The officer's entry point for issue 4: pick a hamlet, then its team, places or import page. */
export default function HamletsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [q, setQ] = useState('');
  const hamlets = useQuery({
    queryKey: teamKeys.myHamlets,
    queryFn: () => fetchMyHamlets(me.data!),
    enabled: Boolean(me.data),
  });
  const shown = useMemo(() => {
    const folded = foldVietnamese(q.trim());
    const all = hamlets.data ?? [];
    if (!folded) return all;
    return all.filter((h) => foldVietnamese(`${h.name} ${h.parentName ?? ''}`).includes(folded));
  }, [hamlets.data, q]);

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('teams.hamlets.title')}
      </Typography.Title>
      <Input.Search
        allowClear
        placeholder={t('teams.hamlets.search')}
        onChange={(event) => setQ(event.target.value)}
        style={{ maxWidth: 360 }}
        data-testid="hamlet-search"
      />
      <ErrorAlert error={hamlets.error} />
      <Table<HamletRow>
        rowKey="id"
        size="middle"
        loading={hamlets.isFetching}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('teams.hamlets.empty')} /> }}
        data-testid="hamlets-table"
        columns={[
          { title: t('teams.hamlets.name'), dataIndex: 'name' },
          { title: t('teams.hamlets.ward'), dataIndex: 'parentName' },
          {
            title: t('teams.hamlets.open'),
            key: 'links',
            render: (_: unknown, hamlet) => (
              <Space wrap size={12} data-testid={`hamlet-links-${hamlet.id}`}>
                <Link to={`/app/hamlets/${hamlet.id}/scorecard`} data-testid="hamlet-scorecard-link">
                  {t('dashboard.scorecard.open')}
                </Link>
                <Link to={`/app/hamlets/${hamlet.id}/team`}>{t('teams.hamlets.sections.team')}</Link>
                <Link to={`/app/hamlets/${hamlet.id}/places`}>{t('teams.hamlets.sections.places')}</Link>
                <Link to={`/app/hamlets/${hamlet.id}/import`} data-testid="hamlet-import-link">
                  {t('teams.hamlets.sections.import')}
                </Link>
                <Link to={`/app/hamlets/${hamlet.id}/actions`}>{t('teams.hamlets.sections.actions')}</Link>
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
