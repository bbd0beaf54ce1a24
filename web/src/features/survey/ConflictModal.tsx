import { Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HOUSEHOLD_FLAGS, RESIDENT_FLAGS } from '../../../../domain/surveys/schemas';
import type { QueuedSubmission } from '../../offline/survey-queue';
import type { TriState } from './survey-types';

function tri(value: TriState | undefined, t: (key: string) => string): string {
  return value === true
    ? t('survey.tri.yes')
    : value === false
      ? t('survey.tri.no')
      : t('survey.tri.unknown');
}

interface Row {
  label: string;
  mine: string;
  server: string;
}

/** Every answer on which the queued edit and the server's current household differ, member by member. */
function differences(item: QueuedSubmission, t: (key: string) => string): Row[] {
  const rows: Row[] = [];
  const mine = item.submission.household;
  const server = item.server;
  if (!mine || !server) return rows;
  // Coded values read as words: "Tạm trú", "Có", "Mức 2", never "temporary", "true", "2".
  const text = (value: unknown, field?: string): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'residency' || field === 'sex') return t(`survey.${field}.${String(value)}`);
    if (field === 'vneidLevel') return t(`survey.vneid.${String(value)}`);
    if (typeof value === 'boolean') return tri(value, t);
    return String(value);
  };
  for (const field of ['address', 'street', 'residency'] as const) {
    if (text(mine[field]) !== text(server[field]))
      rows.push({
        label: t(`survey.household.${field}`),
        mine: text(mine[field], field),
        server: text(server[field], field),
      });
  }
  for (const flag of HOUSEHOLD_FLAGS) {
    if ((mine[flag] ?? null) !== (server[flag] ?? null))
      rows.push({ label: t(`survey.flags.${flag}`), mine: tri(mine[flag], t), server: tri(server[flag], t) });
  }
  const serverMembers = new Map(server.members.map((m) => [m.uid, m]));
  for (const m of mine.members) {
    const s = m.uid ? serverMembers.get(m.uid) : undefined;
    if (!s) {
      rows.push({ label: m.fullName, mine: t('survey.conflict.added'), server: '—' });
      continue;
    }
    serverMembers.delete(s.uid);
    for (const field of ['fullName', 'birthYear', 'sex', 'residency', 'isHead', 'vneidLevel'] as const) {
      if (text(m[field]) !== text(s[field]))
        rows.push({
          label: `${m.fullName}: ${t(`survey.member.${field}`)}`,
          mine: text(m[field], field),
          server: text(s[field], field),
        });
    }
    for (const flag of RESIDENT_FLAGS) {
      if ((m[flag] ?? null) !== (s[flag] ?? null))
        rows.push({
          label: `${m.fullName}: ${t(`survey.flags.${flag}`)}`,
          mine: tri(m[flag], t),
          server: tri(s[flag], t),
        });
    }
  }
  for (const s of serverMembers.values()) {
    const removed = item.submission.removedMembers.some((r) => r.uid === s.uid);
    rows.push({
      label: s.fullName,
      mine: removed ? t('survey.conflict.removed') : '—',
      server: t('survey.conflict.present'),
    });
  }
  return rows;
}

/**
 * Both versions side by side: the member's queued edit and what the server holds now (someone else changed the
 * household meanwhile). "Keep mine" resubmits with overwrite; "keep the server's" drops the queued edit.
 */
export function ConflictModal({
  item,
  onKeepMine,
  onKeepServer,
  onClose,
}: {
  item: QueuedSubmission | null;
  onKeepMine: () => void;
  onKeepServer: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rows = item ? differences(item, t) : [];
  return (
    <Modal
      open={Boolean(item)}
      title={t('survey.conflict.title', { label: item?.label ?? '' })}
      onCancel={onClose}
      width={720}
      footer={
        <div className="kps-survey-conflict-actions">
          <Button size="large" onClick={onKeepServer} data-testid="conflict-keep-server">
            {t('survey.conflict.keepServer')}
          </Button>
          <Button size="large" type="primary" onClick={onKeepMine} data-testid="conflict-keep-mine">
            {t('survey.conflict.keepMine')}
          </Button>
        </div>
      }
    >
      <Typography.Paragraph type="secondary">{t('survey.conflict.explain')}</Typography.Paragraph>
      <table className="kps-survey-conflict" data-testid="conflict-table">
        <thead>
          <tr>
            <th />
            <th>{t('survey.conflict.mine')}</th>
            <th>{t('survey.conflict.server')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3}>{t('survey.conflict.noFieldDiff')}</td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{row.label}</th>
                <td>{row.mine}</td>
                <td>{row.server}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </Modal>
  );
}
