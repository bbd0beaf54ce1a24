import { FileExcelOutlined, PrinterOutlined, TrophyOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { STATUS_COLORS } from '../../ui/status-colors';
import { SubmissionStatusTag } from './RoundTags';
import { useVerdictColumns } from './SubmissionParts';
import {
  fetchResults,
  reportHtmlUrl,
  reportXlsxUrl,
  roundKeys,
  type AwardRow,
  type RankRow,
  type RoundDetail,
} from './rounds-api';

const AWARD_COLORS: Record<AwardRow['award'], string> = { excellent: 'gold', standard: STATUS_COLORS.met };

/** Ranking, proposed awards and the wards left out; reports for the city and per ward once published. */
export function RoundResults({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const verdictColumns = useVerdictColumns<RankRow>();
  const results = useQuery({ queryKey: roundKeys.results(round.id), queryFn: () => fetchResults(round.id) });
  const data = results.data;
  const published = round.status === 'published';
  const approvedWards = round.wards.filter((ward) => ward.submission?.status === 'approved');

  return (
    <Flex vertical gap={16}>
      {data && !data.published ? (
        <Alert type="info" showIcon title={t('rounds.results.preview')} data-testid="results-preview" />
      ) : null}
      <ErrorAlert error={results.error} />
      {published ? (
        <Flex gap={8} wrap>
          <Button
            icon={<FileExcelOutlined />}
            href={reportXlsxUrl(round.id)}
            download
            data-testid="report-xlsx"
          >
            {t('rounds.results.xlsx')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            href={reportHtmlUrl(round.id)}
            target="_blank"
            rel="noopener"
            data-testid="report-pdf"
          >
            {t('rounds.results.pdf')}
          </Button>
        </Flex>
      ) : null}
      <Card title={t('rounds.results.rankingTitle')} size="small">
        <Table<RankRow>
          rowKey="hamletId"
          size="small"
          loading={results.isLoading}
          dataSource={data?.ranking ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="results-ranking"
          locale={{ emptyText: <Empty description={t('rounds.results.noRanking')} /> }}
          columns={[
            { title: t('rounds.fields.rank'), dataIndex: 'rank', align: 'center', width: 64 },
            { title: t('rounds.fields.hamlet'), dataIndex: 'hamletName' },
            { title: t('rounds.fields.ward'), dataIndex: 'wardName' },
            ...verdictColumns,
            {
              title: t('rounds.fields.submittedAt'),
              dataIndex: 'submittedAt',
              render: (value: string) => formatDateTime(value),
            },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
          {t('rounds.results.rankingRule')}
        </Typography.Paragraph>
      </Card>
      <Card
        title={
          <Flex gap={8} align="center">
            <TrophyOutlined />
            {t('rounds.results.awardsTitle')}
          </Flex>
        }
        size="small"
      >
        <Table<AwardRow>
          rowKey={(row) => `${row.hamletId}-${row.award}`}
          size="small"
          dataSource={data?.awards ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="results-awards"
          locale={{ emptyText: <Empty description={t('rounds.results.noAwards')} /> }}
          columns={[
            {
              title: t('rounds.fields.award'),
              dataIndex: 'award',
              render: (award: AwardRow['award']) => (
                <Tag color={AWARD_COLORS[award]} style={{ marginInlineEnd: 0 }}>
                  {t(`rounds.results.award.${award}`)}
                </Tag>
              ),
            },
            { title: t('rounds.fields.hamlet'), dataIndex: 'hamletName' },
            { title: t('rounds.fields.ward'), dataIndex: 'wardName' },
            {
              title: t('rounds.fields.reason'),
              dataIndex: 'reason',
              // The server sends a stable code; unknown codes are shown as they come.
              render: (reason: string) => t(`rounds.results.reasons.${reason}`, { defaultValue: reason }),
            },
          ]}
        />
      </Card>
      {data && data.excludedWards.length > 0 ? (
        <Card title={t('rounds.results.excludedTitle')} size="small" data-testid="results-excluded">
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('rounds.results.excludedHint')}</Typography.Text>
            {data.excludedWards.map((ward) => (
              <Flex key={ward.wardId} gap={8} align="center" wrap>
                <span>{ward.wardName}</span>
                <SubmissionStatusTag status={ward.status} />
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
      {published && approvedWards.length > 0 ? (
        <Card title={t('rounds.results.wardReportsTitle')} size="small" data-testid="ward-reports">
          <Flex vertical gap={8}>
            {approvedWards.map((ward) => (
              <Flex key={ward.wardId} gap={8} align="center" wrap justify="space-between">
                <span>{ward.wardName}</span>
                <Flex gap={8} wrap>
                  <Button size="small" href={reportXlsxUrl(round.id, ward.wardId)} download>
                    {t('rounds.results.wardXlsx')}
                  </Button>
                  <Button
                    size="small"
                    href={reportHtmlUrl(round.id, ward.wardId)}
                    target="_blank"
                    rel="noopener"
                  >
                    {t('rounds.results.wardPdf')}
                  </Button>
                </Flex>
              </Flex>
            ))}
          </Flex>
        </Card>
      ) : null}
    </Flex>
  );
}
