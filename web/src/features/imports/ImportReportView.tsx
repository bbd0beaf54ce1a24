import { Alert, Card, Flex, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportChange, ImportReport, ImportRowError } from './imports-api';

const ACTION_COLORS: Record<ImportChange['action'], string> = {
  add: 'green',
  change: 'blue',
  unchanged: 'default',
};

/** The errors of a dry run or a refused commit: row, column and the reason in the reader's language. */
export function ImportErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<ImportRowError>
      rowKey={(error, index) => `${error.row}-${error.column ?? ''}-${error.code}-${index ?? 0}`}
      size="small"
      dataSource={errors}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      data-testid="import-errors"
      columns={[
        { title: t('imports.errors.row'), dataIndex: 'row', width: 80, align: 'right' },
        {
          title: t('imports.errors.column'),
          dataIndex: 'column',
          render: (value: string | null) => value ?? '—',
        },
        {
          title: t('imports.errors.reason'),
          key: 'reason',
          render: (_: unknown, error) => (i18n.language === 'en' ? error.en : error.vi),
        },
      ]}
    />
  );
}

/** Summary counts, then the errors (if any), then what each row would do (the server sends the first 500). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { summary } = report;
  return (
    <Card
      title={report.dryRun ? t('imports.report.dryRunTitle') : t('imports.report.committedTitle')}
      data-testid={report.dryRun ? 'import-dry-run' : 'import-committed'}
    >
      <Flex vertical gap={16}>
        {report.dryRun ? null : (
          <Alert type="success" showIcon title={t('imports.report.committed')} data-testid="import-success" />
        )}
        <Flex wrap gap={24} data-testid="import-summary">
          <Statistic title={t('imports.report.rows')} value={summary.rows} />
          <Statistic
            title={t('imports.report.added')}
            value={summary.added}
            valueStyle={{ color: '#389e0d' }}
          />
          <Statistic
            title={t('imports.report.changed')}
            value={summary.changed}
            valueStyle={{ color: '#1677ff' }}
          />
          <Statistic title={t('imports.report.unchanged')} value={summary.unchanged} />
          <Statistic
            title={t('imports.report.errors')}
            value={summary.errors}
            valueStyle={{ color: summary.errors > 0 ? '#cf1322' : undefined }}
          />
        </Flex>
        {report.errors.length > 0 ? (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('imports.errors.title', { count: report.errors.length })}
            </Typography.Title>
            <ImportErrorsTable errors={report.errors} />
          </>
        ) : null}
        {report.changes.length > 0 ? (
          <>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('imports.changes.title')}
            </Typography.Title>
            <Table<ImportChange>
              rowKey={(change) => `${change.row}-${change.key}`}
              size="small"
              dataSource={report.changes}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              data-testid="import-changes"
              columns={[
                { title: t('imports.errors.row'), dataIndex: 'row', width: 80, align: 'right' },
                {
                  title: t('imports.changes.action'),
                  dataIndex: 'action',
                  render: (action: ImportChange['action']) => (
                    <Tag color={ACTION_COLORS[action]}>{t(`imports.changes.actions.${action}`)}</Tag>
                  ),
                },
                { title: t('imports.changes.key'), dataIndex: 'key' },
                {
                  title: t('imports.changes.fields'),
                  dataIndex: 'fields',
                  render: (fields: string[] | undefined) => fields?.join(', ') ?? '',
                },
              ]}
            />
          </>
        ) : null}
      </Flex>
    </Card>
  );
}
