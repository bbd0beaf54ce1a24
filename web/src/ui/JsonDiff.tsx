import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface DiffRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Field-by-field comparison of two JSON snapshots (objects, or JSON text); changed fields first. */
export function diffRows(beforeRaw: unknown, afterRaw: unknown): DiffRow[] {
  const before = parseMaybeJson(beforeRaw);
  const after = parseMaybeJson(afterRaw);
  if (!isRecord(before) && !isRecord(after)) {
    const b = show(before ?? undefined);
    const a = show(after ?? undefined);
    return [{ key: '', before: b, after: a, changed: b !== a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const rows = keys.map((key) => {
    const bv = show(b[key]);
    const av = show(a[key]);
    return { key, before: bv, after: av, changed: bv !== av };
  });
  // What changed is what a reader looks for, so those fields come first.
  return [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
}

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffRows(before, after);
  return (
    <Table<DiffRow>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid="json-diff"
      rowClassName={(row) => (row.changed ? 'kps-diff-changed' : '')}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'key',
          render: (v: string) => <Typography.Text code>{v || '—'}</Typography.Text>,
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: string) => <span className="kps-diff-value">{v}</span>,
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: string) => <span className="kps-diff-value">{v}</span>,
        },
      ]}
    />
  );
}
