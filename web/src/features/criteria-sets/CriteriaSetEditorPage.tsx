import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DATE_FORMAT, formatDate } from '../../ui/format';
import {
  validateCriteriaSet,
  type CriteriaParameters,
  type CriteriaSetDefinition,
  type Criterion,
} from '../../../../domain/criteria/schema';
import { WORKING_AGE_PRESETS } from '../../../../domain/criteria/working-age';
import {
  createNewVersion,
  criteriaSetKeys,
  getCriteriaSet,
  publishSet,
  saveDraft,
} from './criteria-sets-api';
import { PreviewCard } from './PreviewCard';
import { TargetEditor } from './TargetEditor';
import { currentLanguage } from '../../i18n';

const ROUNDINGS = ['none', 'round0', 'round1', 'round2'] as const;
type RoundingKey = (typeof ROUNDINGS)[number];

function roundingKey(p: CriteriaParameters): RoundingKey {
  return p.rounding.mode === 'none' ? 'none' : (`round${p.rounding.decimals}` as RoundingKey);
}

function roundingOf(key: RoundingKey): CriteriaParameters['rounding'] {
  return key === 'none' ? { mode: 'none' } : { mode: 'round', decimals: Number(key.slice(5)) as 0 | 1 | 2 };
}

/**
 * /app/criteria-sets/:id: a draft's targets and parameters, checked live with the same zod schema as the server,
 * its effect previewed on current data, then published. A published version is shown read-only.
 */
export default function CriteriaSetEditorPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const set = useQuery({
    queryKey: criteriaSetKeys.one(id),
    queryFn: () => getCriteriaSet(id),
    enabled: valid,
  });
  const [draft, setDraft] = useState<CriteriaSetDefinition | null>(null);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (set.data) {
      setDraft(structuredClone(set.data.definition));
      setDirty(false);
    }
  }, [set.data]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: criteriaSetKeys.all });
  };
  const save = useMutation({
    mutationFn: () => saveDraft(id, draft!),
    onSuccess: async () => {
      setDirty(false);
      await refresh();
      void message.success(t('criteriaEditor.saved'));
    },
  });
  const publish = useMutation({
    mutationFn: () => publishSet(id),
    onSuccess: async () => {
      await refresh();
      void message.success(t('criteriaEditor.published'));
    },
  });
  const copy = useMutation({
    mutationFn: () => createNewVersion(id),
    onSuccess: async (created) => {
      await refresh();
      void message.success(t('criteriaEditor.newVersionDone', { version: created.version }));
      void navigate(`/app/criteria-sets/${created.id}`);
    },
  });

  const check = useMemo(() => (draft ? validateCriteriaSet(draft) : null), [draft]);
  if (!valid) return <Result status="404" />;
  const view = set.data;
  const readOnly = !view?.abilities.canEdit;
  const edit = (change: (d: CriteriaSetDefinition) => void) => {
    if (!draft || readOnly) return;
    const next = structuredClone(draft);
    change(next);
    setDraft(next);
    setDirty(true);
  };
  const editCriterion = (groupIndex: number, code: string, change: (c: Criterion) => void) =>
    edit((d) => change(d.groups[groupIndex].criteria.find((c) => c.code === code)!));

  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { title: <Link to="/app/criteria-sets">{t('criteriaEditor.back')}</Link> },
          { title: view?.name ?? '…' },
        ]}
      />
      <ErrorAlert error={set.error} />
      {view && draft && (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Space align="center" wrap>
              <Typography.Title level={2} style={{ margin: 0 }} data-testid="criteria-set-title">
                {view.name}
              </Typography.Title>
              <Tag>{`v${view.version}`}</Tag>
              <Tag color={view.status === 'published' ? 'green' : 'gold'}>
                {t(`criteriaEditor.status.${view.status}`)}
              </Tag>
              {dirty && <Tag color="orange">{t('criteriaEditor.unsaved')}</Tag>}
            </Space>
            <Space wrap>
              {view.abilities.canEdit && (
                <Button
                  onClick={() => save.mutate()}
                  loading={save.isPending}
                  disabled={!dirty || !check?.ok}
                  data-testid="save-draft"
                >
                  {t('criteriaEditor.save')}
                </Button>
              )}
              {view.abilities.canPublish && (
                <Button
                  type="primary"
                  disabled={dirty || !check?.ok}
                  loading={publish.isPending}
                  data-testid="publish"
                  onClick={() =>
                    modal.confirm({
                      title: t('criteriaEditor.publishConfirmTitle', { version: view.version }),
                      content: t('criteriaEditor.publishConfirm', { date: formatDate(view.effectiveFrom) }),
                      okText: t('criteriaEditor.publish'),
                      cancelText: t('criteriaEditor.cancel'),
                      onOk: () => publish.mutateAsync(),
                    })
                  }
                >
                  {t('criteriaEditor.publish')}
                </Button>
              )}
              {view.status === 'published' && (
                <Button
                  type="primary"
                  onClick={() => copy.mutate()}
                  loading={copy.isPending}
                  data-testid="new-version"
                >
                  {t('criteriaEditor.newVersion')}
                </Button>
              )}
            </Space>
          </Flex>
          {view.status === 'published' && <Alert type="info" showIcon title={t('criteriaEditor.readOnly')} />}
          <ErrorAlert error={save.error ?? publish.error ?? copy.error} />
          {check && !check.ok && (
            <Alert
              type="error"
              showIcon
              data-testid="draft-issues"
              title={t('criteriaEditor.invalid')}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {check.issues.slice(0, 10).map((issue, i) => (
                    <li key={i}>
                      <code>{issue.path.join('.')}</code>: {issue.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('criteriaEditor.general')} size="small">
                <Form layout="vertical" disabled={readOnly}>
                  <Form.Item label={t('criteriaEditor.nameVi')}>
                    <Input
                      value={draft.name.vi}
                      onChange={(e) => edit((d) => (d.name.vi = e.target.value))}
                    />
                  </Form.Item>
                  <Form.Item label={t('criteriaEditor.nameEn')}>
                    <Input
                      value={draft.name.en}
                      onChange={(e) => edit((d) => (d.name.en = e.target.value))}
                    />
                  </Form.Item>
                  <Form.Item label={t('criteriaEditor.effectiveFrom')}>
                    <DatePicker
                      format={DATE_FORMAT}
                      allowClear={false}
                      value={dayjs(draft.effectiveFrom)}
                      onChange={(v) => v && edit((d) => (d.effectiveFrom = v.format('YYYY-MM-DD')))}
                    />
                  </Form.Item>
                </Form>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('criteriaEditor.parameters')} size="small">
                <Form layout="vertical" disabled={readOnly}>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item label={t('criteriaEditor.param.workingAge')}>
                        <Select
                          value={draft.parameters.workingAge}
                          onChange={(v) => edit((d) => (d.parameters.workingAge = v))}
                          options={WORKING_AGE_PRESETS.map((p) => ({
                            value: p,
                            label: t(`criteriaEditor.workingAge.${p}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={12}>
                      <Form.Item label={t('criteriaEditor.param.rounding')}>
                        <Select<RoundingKey>
                          value={roundingKey(draft.parameters)}
                          onChange={(v) => edit((d) => (d.parameters.rounding = roundingOf(v)))}
                          options={ROUNDINGS.map((r) => ({
                            value: r,
                            label: t(`criteriaEditor.roundingMode.${r}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    {(['vneidMinAge', 'adultAge', 'pilotLimit'] as const).map((key) => (
                      <Col xs={12} md={8} key={key}>
                        <Form.Item label={t(`criteriaEditor.param.${key}`)}>
                          <InputNumber<number>
                            value={draft.parameters[key]}
                            precision={0}
                            style={{ width: '100%' }}
                            onChange={(v) => edit((d) => (d.parameters[key] = v ?? 0))}
                          />
                        </Form.Item>
                      </Col>
                    ))}
                    <Col xs={24}>
                      <Space>
                        <Switch
                          checked={draft.parameters.countTemporaryResidents}
                          onChange={(v) => edit((d) => (d.parameters.countTemporaryResidents = v))}
                        />
                        <Typography.Text>{t('criteriaEditor.param.countTemporaryResidents')}</Typography.Text>
                      </Space>
                    </Col>
                  </Row>
                </Form>
              </Card>
            </Col>
          </Row>
          {draft.groups.map((group, gi) => (
            <Card
              key={group.code}
              size="small"
              title={t(`criteriaEditor.groups.${group.code}`)}
              data-testid={`group-${group.code}`}
            >
              <Table<Criterion>
                size="small"
                rowKey="code"
                pagination={false}
                dataSource={group.criteria}
                scroll={{ x: 760 }}
                columns={[
                  { title: t('criteriaEditor.columns.code'), dataIndex: 'code', width: 90 },
                  {
                    title: t('criteriaEditor.columns.name'),
                    key: 'name',
                    render: (_, c) => (
                      <span>
                        {c.name[lang]}{' '}
                        <Typography.Text type="secondary">
                          · {t(`criteriaEditor.criterion.kind.${c.definition.kind}`)}
                          {c.hidden ? ` · ${t('criteriaEditor.criterion.hidden')}` : ''}
                        </Typography.Text>
                      </span>
                    ),
                  },
                  {
                    title: t('criteriaEditor.criterion.target'),
                    key: 'target',
                    width: 230,
                    render: (_, c) => (
                      <span data-testid={`target-${c.code}`}>
                        <TargetEditor
                          definition={c.definition}
                          readOnly={readOnly}
                          onChange={(next) => editCriterion(gi, c.code, (x) => (x.definition = next))}
                        />
                      </span>
                    ),
                  },
                  {
                    title: t('criteriaEditor.criterion.enabled'),
                    key: 'enabled',
                    width: 90,
                    render: (_, c) => (
                      <Switch
                        size="small"
                        checked={c.enabled}
                        disabled={readOnly}
                        onChange={(v) => editCriterion(gi, c.code, (x) => (x.enabled = v))}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          ))}
          <PreviewCard setId={id} dirty={dirty} />
        </>
      )}
    </Flex>
  );
}
