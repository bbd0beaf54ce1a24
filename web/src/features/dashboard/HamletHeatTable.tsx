import { Button, Flex, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../ui/format';
import { StatusTag } from '../../ui/StatusTag';
import { statusColor } from '../../ui/status-colors';
import { criterionName, type Catalogue, type HamletRow } from './dashboard-api';

// Fixed widths so 15 criteria fit beside the names at 1366 px; wider sets scroll sideways.
const NAME_WIDTH = 170;
const PILOT_WIDTH = 112;
const CELL_WIDTH = 52;

/**
 * Hamlets compared criterion by criterion: one row per hamlet, one coloured cell per criterion (the status colour,
 * the value in % when there is one). The pilot column marks or unmarks pilots when the reader may.
 */
export function HamletHeatTable({
  hamlets,
  catalogue,
  canMarkPilots,
  busyId,
  onTogglePilot,
}: {
  hamlets: HamletRow[];
  catalogue: Catalogue;
  canMarkPilots: boolean;
  busyId: number | null;
  onTogglePilot: (hamlet: HamletRow) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const codes = catalogue.criteria.filter((c) => !c.hidden).map((c) => c.code);
  const columns: ColumnsType<HamletRow> = [
    {
      title: t('dashboard.table.hamlet'),
      key: 'name',
      fixed: 'left',
      width: NAME_WIDTH,
      render: (_: unknown, h) => (
        <Flex vertical gap={2}>
          <Link to={`/app/hamlets/${h.id}/scorecard`} data-testid={`hamlet-scorecard-${h.id}`}>
            <b>{h.name}</b>
          </Link>
          <Flex gap={6} align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dashboard.table.kOfN', { met: h.met, applicable: h.applicable })}
            </Typography.Text>
            <StatusTag status={h.meetsStandard ? 'met' : 'not_met'} />
          </Flex>
        </Flex>
      ),
    },
    {
      title: t('dashboard.table.pilot'),
      key: 'pilot',
      width: PILOT_WIDTH,
      render: (_: unknown, h) =>
        canMarkPilots ? (
          <Button
            size="small"
            type={h.isPilot ? 'primary' : 'default'}
            loading={busyId === h.id}
            onClick={() => onTogglePilot(h)}
            data-testid={`pilot-toggle-${h.id}`}
          >
            {h.isPilot ? t('dashboard.ward.unmarkPilot') : t('dashboard.ward.markPilot')}
          </Button>
        ) : h.isPilot ? (
          t('dashboard.scorecard.pilot')
        ) : null,
    },
    ...codes.map((code) => ({
      title: (
        <Tooltip title={criterionName(catalogue, code, lang)}>
          <span style={{ whiteSpace: 'nowrap', fontSize: 11 }}>{code}</span>
        </Tooltip>
      ),
      key: code,
      width: CELL_WIDTH,
      align: 'center' as const,
      onCell: (h: HamletRow) => {
        const c = h.criteria.find((x) => x.code === code);
        return {
          style: {
            background: c ? statusColor(c.status) : undefined,
            color: '#fff',
            fontWeight: 600,
            padding: '6px 2px',
            borderInlineEnd: '2px solid #fff',
          },
        };
      },
      render: (_: unknown, h: HamletRow) => {
        const c = h.criteria.find((x) => x.code === code);
        if (!c) return null;
        const label =
          c.percent !== null
            ? formatNumber(c.percent, lang, 0)
            : c.status === 'met'
              ? '✓'
              : c.status === 'not_met'
                ? '✗'
                : '?';
        return (
          <Tooltip title={`${criterionName(catalogue, code, lang)}: ${t(`dashboard.status.${c.status}`)}`}>
            <span>{label}</span>
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Table<HamletRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={hamlets}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: NAME_WIDTH + PILOT_WIDTH + codes.length * CELL_WIDTH }}
      data-testid="hamlet-heat-table"
    />
  );
}
