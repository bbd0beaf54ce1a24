import { CloudSyncOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discard, keepMine, syncNow, type QueuedSubmission } from '../../offline/survey-queue';
import { useSurveyQueue } from '../../offline/use-survey-queue';
import { ConflictModal } from './ConflictModal';

const PHASE_COLOR = { idle: 'green', syncing: 'blue', offline: 'orange', error: 'red' } as const;

/** "n changes waiting to sync", the sync state, and the entries that need the member's decision. */
export function SyncPanel() {
  const { t } = useTranslation();
  const queue = useSurveyQueue();
  const [open, setOpen] = useState<QueuedSubmission | null>(null);
  const pending = queue.items.filter((item) => item.status === 'pending');
  const conflicts = queue.items.filter((item) => item.status === 'conflict');
  const rejected = queue.items.filter((item) => item.status === 'rejected');
  return (
    <div className="kps-survey-sync" data-testid="sync-panel">
      <div className="kps-survey-sync-line">
        <CloudSyncOutlined />
        <span data-testid="sync-pending" data-count={pending.length}>
          {pending.length > 0
            ? t('survey.sync.pending', { count: pending.length })
            : t('survey.sync.allSynced')}
        </span>
        <Tag color={PHASE_COLOR[queue.phase]} data-testid="sync-phase" data-phase={queue.phase}>
          {t(`survey.sync.phase.${queue.phase}`)}
        </Tag>
        {pending.length > 0 ? (
          <Button size="middle" onClick={() => void syncNow()} loading={queue.phase === 'syncing'}>
            {t('survey.sync.now')}
          </Button>
        ) : null}
      </div>
      {conflicts.map((item) => (
        <Alert
          key={item.clientId}
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          data-testid="sync-conflict"
          title={t('survey.sync.conflict', { label: item.label })}
          action={
            <Button size="middle" onClick={() => setOpen(item)}>
              {t('survey.sync.resolve')}
            </Button>
          }
        />
      ))}
      {rejected.map((item) => (
        <Alert
          key={item.clientId}
          type="error"
          showIcon
          data-testid="sync-rejected"
          title={t('survey.sync.rejected', { label: item.label })}
          description={item.error?.message}
          action={
            <Button size="middle" onClick={() => void discard(item.clientId)}>
              {t('survey.sync.drop')}
            </Button>
          }
        />
      ))}
      <ConflictModal
        item={open}
        onClose={() => setOpen(null)}
        onKeepMine={() => {
          if (open) void keepMine(open.clientId);
          setOpen(null);
        }}
        onKeepServer={() => {
          if (open) void discard(open.clientId);
          setOpen(null);
        }}
      />
    </div>
  );
}
