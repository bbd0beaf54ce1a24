import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { STATUS_COLORS } from '../../ui/status-colors';
import { criteriaSetKeys, listWards, previewSet, wardListKey, type Preview } from './criteria-sets-api';

type Row = Preview['hamlets'][number];

function Verdict({ v }: { v: Row['before'] }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center">
      <span>
        {v.met}/{v.applicable}
      </span>
      <Tag color={v.meetsStandard ? STATUS_COLORS.met : STATUS_COLORS.not_met}>
        {v.meetsStandard ? t('criteriaEditor.preview.meets') : t('criteriaEditor.preview.notMeets')}
      </Tag>
    </Flex>
  );
}

/** "Xem trước tác động": every hamlet of a ward under the set in force and under this version, computed live. */
export function PreviewCard({ setId, dirty }: { setId: number; dirty: boolean }) {
  const { t } = useTranslation();
  const wards = useQuery({ queryKey: wardListKey, queryFn: listWards });
  const [unitId, setUnitId] = useState<number | null>(null);
  const [asked, setAsked] = useState<number | null>(null);
  const preview = useQuery({
    queryKey: criteriaSetKeys.preview(setId, asked ?? 0),
    queryFn: () => previewSet(setId, asked!),
    enabled: asked !== null,
    staleTime: 0,
  });
  const status = (s: string | null) => t(`criteriaEditor.statusShort.${s ?? 'none'}`);
  const data = preview.data;
  return (
    <Card title={t('criteriaEditor.preview.title')} data-testid="preview-card">
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Select<number>
            style={{ minWidth: 260 }}
            placeholder={t('criteriaEditor.preview.unit')}
            loading={wards.isLoading}
            value={unitId ?? undefined}
            onChange={setUnitId}
            options={(wards.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            data-testid="preview-unit"
          />
          <Button
            disabled={unitId === null || dirty}
            loading={preview.isFetching}
            onClick={() => {
              setAsked(unitId);
              if (asked === unitId) void preview.refetch();
            }}
            data-testid="preview-run"
          >
            {t('criteriaEditor.preview.run')}
          </Button>
          {dirty && <Typography.Text type="warning">{t('criteriaEditor.preview.saveFirst')}</Typography.Text>}
        </Flex>
        <ErrorAlert error={wards.error ?? preview.error} />
        {data && (
          <>
            <Typography.Text type="secondary">
              {t('criteriaEditor.preview.hint', {
                current: `${data.current.name} (v${data.current.version})`,
              })}
            </Typography.Text>
            <Typography.Text strong data-testid="preview-summary">
              {t('criteriaEditor.preview.summary', {
                changed: data.summary.hamletsChanged,
                hamlets: data.summary.hamlets,
                before: data.summary.meetingBefore,
                after: data.summary.meetingAfter,
              })}
            </Typography.Text>
            <Table<Row>
              size="small"
              rowKey="id"
              dataSource={data.hamlets}
              pagination={false}
              scroll={{ x: 720 }}
              onRow={(r) => ({
                style:
                  r.standardChanged || r.changes.length > 0
                    ? { background: r.standardChanged ? '#fff1f0' : '#fffbe6' }
                    : undefined,
                'data-changed': r.changes.length > 0 ? 'yes' : 'no',
              })}
              data-testid="preview-table"
              columns={[
                { title: t('criteriaEditor.preview.hamlet'), dataIndex: 'name', width: 200 },
                {
                  title: t('criteriaEditor.preview.before'),
                  key: 'before',
                  width: 190,
                  render: (_, r) => <Verdict v={r.before} />,
                },
                {
                  title: t('criteriaEditor.preview.after'),
                  key: 'after',
                  width: 190,
                  render: (_, r) => <Verdict v={r.after} />,
                },
                {
                  title: t('criteriaEditor.preview.changes'),
                  key: 'changes',
                  render: (_, r) => (
                    <Flex gap={4} wrap>
                      {r.changes.map((c) => (
                        <Tag key={c.code}>
                          {c.code}: {status(c.before)} → {status(c.after)}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
