import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Result, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { HamletPageHeader, useHamletId } from '../teams/HamletPageHeader';
import { ImportErrorsTable, ImportReportView } from './ImportReportView';
import {
  exportUrl,
  IMPORT_KINDS,
  rowErrorsOf,
  templateUrl,
  uploadImport,
  type ImportKind,
  type ImportReport,
} from './imports-api';

const ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * /app/hamlets/:id/import (issue 4 §6-7): download the template, upload a filled file (a dry run starts at once),
 * read what would change and every error, then commit. A commit is all or nothing on the server; when it is
 * refused the same row errors are shown. Export buttons give the hamlet's data in the same layout.
 */
export default function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const hamletId = useHamletId();
  const [kind, setKind] = useState<ImportKind>('households');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const run = useMutation({
    mutationFn: (args: { file: File; dryRun: boolean }) => {
      setProgress(0);
      return uploadImport(hamletId!, kind, args.file, args.dryRun, setProgress);
    },
    onSuccess: (reply) => {
      setReport(reply);
      if (!reply.dryRun) void queryClient.invalidateQueries({ queryKey: ['hamlets', hamletId] });
    },
  });
  if (hamletId === null) return <Result status="404" subTitle={t('teams.hamlets.notFound')} />;

  const start = (chosen: File) => {
    setFile(chosen);
    setReport(null);
    run.reset();
    run.mutate({ file: chosen, dryRun: true });
  };
  const refusedErrors = rowErrorsOf(run.error);
  const hasChanges = report !== null && report.summary.added + report.summary.changed > 0;
  const canCommit =
    file !== null && report?.dryRun === true && report.summary.errors === 0 && hasChanges && !run.isPending;

  return (
    <Flex vertical gap={16}>
      <HamletPageHeader hamletId={hamletId} section="import" />
      <Card>
        <Flex vertical gap={16}>
          <Flex wrap gap={12} align="center">
            <Typography.Text strong>{t('imports.kind')}</Typography.Text>
            <Select<ImportKind>
              value={kind}
              style={{ minWidth: 200 }}
              onChange={(value) => {
                setKind(value);
                setFile(null);
                setReport(null);
                run.reset();
              }}
              options={IMPORT_KINDS.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
              data-testid="import-kind"
            />
            <Button
              icon={<DownloadOutlined />}
              href={templateUrl(kind)}
              download
              data-testid="import-template"
            >
              {t('imports.template')}
            </Button>
            <Space.Compact>
              <Button href={exportUrl(hamletId, kind, 'xlsx')} download data-testid="export-xlsx">
                {t('imports.exportXlsx')}
              </Button>
              <Button href={exportUrl(hamletId, kind, 'csv')} download data-testid="export-csv">
                {t('imports.exportCsv')}
              </Button>
            </Space.Compact>
          </Flex>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={run.isPending}
            beforeUpload={(chosen) => {
              start(chosen);
              // The file goes up through our own XHR (raw body, progress), not antd's multipart request.
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.drop')}</p>
            <p className="ant-upload-hint">{file ? file.name : t('imports.dropHint')}</p>
          </Upload.Dragger>
          {run.isPending || (file && progress > 0) ? (
            <Flex vertical gap={4}>
              <Progress
                percent={progress}
                status={run.isPending ? 'active' : undefined}
                data-testid="import-progress"
              />
              {run.isPending && progress >= 100 ? (
                <Typography.Text type="secondary">{t('imports.checking')}</Typography.Text>
              ) : null}
            </Flex>
          ) : null}
          {report?.dryRun && report.summary.errors > 0 ? (
            <Alert type="warning" showIcon title={t('imports.fixAndRetry')} data-testid="import-fix-hint" />
          ) : null}
          {report?.dryRun && report.summary.errors === 0 && !hasChanges ? (
            <Alert type="info" showIcon title={t('imports.nothingToWrite')} data-testid="import-nothing" />
          ) : null}
          {file && report?.dryRun ? (
            <Flex gap={8} wrap>
              <Button
                type="primary"
                disabled={!canCommit}
                loading={run.isPending}
                onClick={() => run.mutate({ file, dryRun: false })}
                data-testid="import-commit"
              >
                {t('imports.commit')}
              </Button>
              <Button onClick={() => start(file)} disabled={run.isPending}>
                {t('imports.recheck')}
              </Button>
            </Flex>
          ) : null}
        </Flex>
      </Card>
      {refusedErrors ? (
        <Card title={t('imports.refused')} data-testid="import-refused">
          <ImportErrorsTable errors={refusedErrors} />
        </Card>
      ) : (
        <ErrorAlert error={run.error} />
      )}
      {report ? <ImportReportView report={report} /> : null}
    </Flex>
  );
}
