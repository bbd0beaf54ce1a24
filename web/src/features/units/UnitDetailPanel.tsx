import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LineageLink, UnitPeriod, UnitSummary } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/format';
import { PageLoading } from '../../ui/PageLoading';
import { UnitActions } from './UnitActions';
import { fetchLineage, fetchUnit, unitKeys } from './units-api';
import { useEffect } from 'react';
import { formatValidity, isValidOn } from './validity';

interface UnitDetailPanelProps {
  unitId: number;
  asOf: string;
  onSelect: (unit: { id: number; validFrom?: string; validTo?: string | null }) => void;
  /** True when the URL named a unit but no date (e.g. a link from the home page): move the date into its validity. */
  adjustAsOf?: boolean;
}

function LineageList({
  links,
  testId,
  onSelect,
}: {
  links: LineageLink[];
  testId: string;
  onSelect: UnitDetailPanelProps['onSelect'];
}) {
  const { t } = useTranslation();
  if (links.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('units.noLineage')}
      </Typography.Text>
    );
  }
  return (
    <Flex vertical gap={6} data-testid={testId}>
      {links.map((link) => (
        <Flex
          key={link.unit.id}
          gap={8}
          align="center"
          wrap
          data-testid="lineage-item"
          data-unit-id={link.unit.id}
        >
          {link.unit.inScope ? (
            <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onSelect(link.unit)}>
              {link.unit.name}
            </Button>
          ) : (
            <Typography.Text title={t('units.notInScope')}>{link.unit.name}</Typography.Text>
          )}
          <Tag color={link.mergeType === 'full' ? 'green' : 'orange'} data-testid="merge-type">
            {t(`units.mergeType.${link.mergeType}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('units.effectiveFrom', { date: formatDate(link.effectiveDate) })}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

function unitCode(unit: UnitSummary): string {
  return unit.code ?? unit.localCode ?? '—';
}

/** Everything about one unit: current facts, its name/type history, and where it came from and went to. */
export function UnitDetailPanel({ unitId, asOf, onSelect, adjustAsOf = false }: UnitDetailPanelProps) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: unitKeys.detail(unitId, asOf),
    queryFn: () => fetchUnit(unitId, asOf),
  });
  const lineage = useQuery({ queryKey: unitKeys.lineage(unitId), queryFn: () => fetchLineage(unitId) });
  const present = t('units.present');
  const loadedUnit = detail.data?.unit;
  useEffect(() => {
    if (adjustAsOf && loadedUnit && !isValidOn(loadedUnit, asOf)) onSelect(loadedUnit);
  }, [adjustAsOf, loadedUnit, asOf, onSelect]);

  if (detail.isPending)
    return (
      <Card data-testid="unit-detail-loading">
        <PageLoading />
      </Card>
    );
  if (detail.error)
    return (
      <Card data-testid="unit-detail">
        <ErrorAlert error={detail.error} />
      </Card>
    );
  const { unit, periods, ancestors } = detail.data;
  const typeLabel = t(`unitTypes.${unit.type}`, { defaultValue: unit.type });

  return (
    <Card data-testid="unit-detail" data-unit-id={unit.id}>
      <Flex vertical gap={16}>
        {ancestors.length > 0 ? (
          <Breadcrumb
            items={ancestors.map((ancestor) => ({
              key: ancestor.id,
              title: (
                <a
                  href={`/app/units?unit=${ancestor.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onSelect({ id: ancestor.id });
                  }}
                >
                  {ancestor.name}
                </a>
              ),
            }))}
          />
        ) : null}
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="unit-detail-name">
            {unit.name}
          </Typography.Title>
          <Flex gap={4} wrap style={{ marginTop: 8 }}>
            <Tag color="blue">{typeLabel}</Tag>
            <Tag>{t(`unitLevels.${unit.level}`)}</Tag>
            {unit.validTo ? <Tag color="default">{t('units.dissolved')}</Tag> : null}
            {unit.isDemo ? <Tag color="purple">{t('units.demo')}</Tag> : null}
          </Flex>
        </div>
        {isValidOn(unit, asOf) ? null : (
          <Alert
            type="info"
            showIcon
            title={t('units.notValidOn', { date: formatDate(asOf) })}
            data-testid="unit-not-valid"
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          bordered
          items={[
            {
              key: 'code',
              label: unit.code ? t('units.code') : t('units.localCode'),
              children: unitCode(unit),
            },
            { key: 'level', label: t('units.level'), children: t(`unitLevels.${unit.level}`) },
            { key: 'type', label: t('units.type'), children: typeLabel },
            {
              key: 'validity',
              label: t('units.validity'),
              children: <span data-testid="unit-validity">{formatValidity(unit, present)}</span>,
            },
            { key: 'parent', label: t('units.parent'), children: unit.parentName ?? '—' },
          ]}
        />
        <UnitActions detail={detail.data} />

        <div>
          <Typography.Title level={5}>{t('units.history')}</Typography.Title>
          <Table<UnitPeriod>
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(period) => `${period.validFrom}-${period.name}-${period.type}`}
            dataSource={periods}
            data-testid="unit-periods"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            columns={[
              { title: t('units.name'), dataIndex: 'name' },
              {
                title: t('units.type'),
                dataIndex: 'type',
                render: (type: string) => t(`unitTypes.${type}`, { defaultValue: type }),
              },
              {
                title: t('units.parent'),
                dataIndex: 'parentName',
                render: (name: string | null) => name ?? '—',
              },
              {
                title: t('units.validity'),
                key: 'validity',
                render: (_: unknown, period) => formatValidity(period, present),
              },
              {
                title: t('units.reason'),
                dataIndex: 'reason',
                render: (reason: string) => t(`units.reasons.${reason}`, { defaultValue: reason }),
              },
            ]}
          />
        </div>

        <div>
          <Typography.Title level={5}>{t('units.predecessors')}</Typography.Title>
          {lineage.error ? <ErrorAlert error={lineage.error} /> : null}
          {lineage.data ? (
            <LineageList
              links={lineage.data.predecessors}
              testId="lineage-predecessors"
              onSelect={onSelect}
            />
          ) : null}
        </div>
        <div>
          <Typography.Title level={5}>{t('units.successors')}</Typography.Title>
          {lineage.data ? (
            <LineageList links={lineage.data.successors} testId="lineage-successors" onSelect={onSelect} />
          ) : null}
        </div>
      </Flex>
    </Card>
  );
}
