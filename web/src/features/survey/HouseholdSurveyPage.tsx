import { ArrowLeftOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Card, Checkbox, Input, Radio, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { HOUSEHOLD_FLAGS, SUPPORT_KINDS, VISIT_OUTCOMES } from '../../../../domain/surveys/schemas';
import { enqueue, newClientId } from '../../offline/survey-queue';
import { useSurveyQueue } from '../../offline/use-survey-queue';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoading } from '../../ui/PageLoading';
import { todayIso } from '../../ui/format';
import { MemberCard } from './MemberCard';
import { fetchHousehold, surveyKeys } from './survey-api';
import {
  draftFromHousehold,
  emptyDraft,
  newMember,
  submissionOf,
  validateDraft,
  type Draft,
  type DraftMember,
  type FieldErrors,
  type SupportKind,
  type VisitOutcome,
} from '../../../../domain/surveys/survey-draft';
import type { HouseholdPage, HouseholdView } from './survey-types';
import { TriStateToggle } from './TriStateToggle';
import './survey.css';

/** The household as the list last showed it: offline, that cached list is all there is. */
function useHousehold(uid: string | undefined) {
  const queryClient = useQueryClient();
  const fromList = useMemo(() => {
    if (!uid) return undefined;
    for (const [, page] of queryClient.getQueriesData<HouseholdPage>({
      queryKey: ['survey', 'households'],
    })) {
      const hit = page?.items.find((h) => h.uid === uid);
      if (hit) return hit;
    }
    return undefined;
  }, [queryClient, uid]);
  return useQuery({
    queryKey: surveyKeys.household(uid ?? ''),
    queryFn: () => fetchHousehold(uid ?? ''),
    enabled: Boolean(uid),
    initialData: fromList,
    initialDataUpdatedAt: 0,
  });
}

export default function HouseholdSurveyPage() {
  const { uid } = useParams();
  const [params] = useSearchParams();
  const hamletId = Number(params.get('hamlet'));
  const household = useHousehold(uid);
  const queue = useSurveyQueue();
  const { t } = useTranslation();

  if (uid && !household.data) {
    if (household.isPending) return <PageLoading />;
    return <ErrorAlert error={household.error} />;
  }
  const pending = queue.items.find(
    (item) => item.status === 'pending' && uid && item.submission.householdUid === uid,
  );
  const original = household.data ? draftFromHousehold(household.data) : null;
  if (!original && !(hamletId > 0)) return <Alert type="warning" title={t('survey.list.pickHamlet')} />;
  return (
    <SurveyForm
      key={`${uid ?? 'new'}-${household.data?.version ?? ''}`}
      view={household.data ?? null}
      original={original}
      initial={pending?.draft ?? original ?? emptyDraft(hamletId)}
      replaces={pending?.clientId}
    />
  );
}

function SurveyForm({
  view,
  original,
  initial,
  replaces,
}: {
  view: HouseholdView | null;
  original: Draft | null;
  initial: Draft;
  replaces?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const originalMembers = useMemo(
    () => new Map((original?.members ?? []).map((m) => [m.key, m])),
    [original],
  );
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const updateMember = (key: string, patch: Partial<DraftMember>) =>
    setDraft((d) => ({ ...d, members: d.members.map((m) => (m.key === key ? { ...m, ...patch } : m)) }));
  const errorText = (path: string) =>
    errors[path]
      ? t(`survey.errors.${errors[path]}`, { defaultValue: t('survey.errors.invalid') })
      : undefined;
  const onlyVisit = draft.visit.outcome !== 'visited';
  const backToList = () => void navigate(`/app/survey?hamlet=${draft.hamletId}`);

  async function submit() {
    const { errors: found, household } = validateDraft(draft, todayIso());
    setErrors(found);
    if (!household) {
      void message.error(t('survey.form.fixErrors'));
      // Bring the first bad field into view: on a phone it is usually far above the button.
      requestAnimationFrame(() =>
        document.querySelector('.kps-survey-error')?.scrollIntoView({ block: 'center' }),
      );
      return;
    }
    setSaving(true);
    try {
      const submission = submissionOf(draft, original, household, newClientId(), new Date().toISOString());
      const label = [draft.localCode, draft.address].filter(Boolean).join(' · ');
      await enqueue(submission, label, draft, replaces);
      void message.success(t('survey.form.queued'));
      backToList();
    } catch {
      void message.error(t('survey.form.storageFailed'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="kps-survey" data-testid="survey-form">
      <div className="kps-survey-topbar">
        <Button
          size="large"
          icon={<ArrowLeftOutlined />}
          onClick={backToList}
          aria-label={t('survey.form.back')}
        />
        <Typography.Title level={4} style={{ margin: 0 }} ellipsis>
          {view ? `${view.localCode}` : t('survey.form.newHousehold')}
        </Typography.Title>
      </div>
      {view?.address ? <Typography.Text type="secondary">{view.address}</Typography.Text> : null}
      {view && !view.abilities.canEdit ? <Alert type="warning" title={t('survey.form.readOnly')} /> : null}

      <Card size="small" title={t('survey.visit.title')} className="kps-survey-card" data-testid="visit-card">
        <Radio.Group
          className="kps-survey-outcomes"
          size="large"
          value={draft.visit.outcome}
          onChange={(event) =>
            update({ visit: { ...draft.visit, outcome: event.target.value as VisitOutcome } })
          }
          options={VISIT_OUTCOMES.map((o) => ({ value: o, label: t(`survey.outcomes.${o}`) }))}
        />
        {!onlyVisit ? (
          <div className="kps-survey-field" data-testid="visit-support">
            <span className="kps-survey-label">{t('survey.visit.support')}</span>
            <Checkbox.Group
              className="kps-survey-support"
              value={draft.visit.support}
              onChange={(values) => update({ visit: { ...draft.visit, support: values as SupportKind[] } })}
              options={SUPPORT_KINDS.map((s) => ({ value: s, label: t(`survey.support.${s}`) }))}
            />
          </div>
        ) : null}
        <div className="kps-survey-field">
          <span className="kps-survey-label">{t('survey.visit.note')}</span>
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={draft.visit.note}
            onChange={(event) => update({ visit: { ...draft.visit, note: event.target.value } })}
          />
        </div>
      </Card>

      {!onlyVisit ? (
        <>
          <Card size="small" title={t('survey.household.title')} className="kps-survey-card">
            {!draft.householdUid ? (
              <div className="kps-survey-field">
                <label className="kps-survey-label" htmlFor="survey-localCode">
                  {t('survey.household.localCode')}
                </label>
                <Input
                  id="survey-localCode"
                  size="large"
                  value={draft.localCode}
                  status={errors.localCode ? 'error' : undefined}
                  onChange={(event) => update({ localCode: event.target.value })}
                />
                {errors.localCode ? <div className="kps-survey-error">{errorText('localCode')}</div> : null}
              </div>
            ) : null}
            <div className="kps-survey-field">
              <label className="kps-survey-label" htmlFor="survey-address">
                {t('survey.household.address')}
              </label>
              <Input
                id="survey-address"
                size="large"
                value={draft.address}
                onChange={(event) => update({ address: event.target.value })}
              />
            </div>
            <div className="kps-survey-field">
              <span className="kps-survey-label">{t('survey.household.residency')}</span>
              <Segmented
                block
                size="large"
                value={draft.residency}
                onChange={(value) => update({ residency: value as Draft['residency'] })}
                options={[
                  { value: 'permanent', label: t('survey.residency.permanent') },
                  { value: 'temporary', label: t('survey.residency.temporary') },
                ]}
              />
            </div>
            {HOUSEHOLD_FLAGS.map((flag) => (
              <TriStateToggle
                key={flag}
                testId={`household-${flag}`}
                label={t(`survey.flags.${flag}`)}
                value={draft[flag]}
                changed={original ? original[flag] !== draft[flag] : false}
                error={errorText(flag)}
                onChange={(value) => update({ [flag]: value } as Partial<Draft>)}
              />
            ))}
          </Card>

          <Typography.Title level={5} className="kps-survey-section">
            {t('survey.member.title', { count: draft.members.length })}
          </Typography.Title>
          {errors.members ? <div className="kps-survey-error">{errorText('members')}</div> : null}
          {draft.members.map((member, index) => (
            <MemberCard
              key={member.key}
              member={member}
              index={index}
              original={originalMembers.get(member.key)}
              errors={errors}
              onChange={(patch) => updateMember(member.key, patch)}
              onRemove={(reason) =>
                setDraft((d) => ({
                  ...d,
                  members: d.members.filter((m) => m.key !== member.key),
                  removed: member.uid
                    ? [...d.removed, { uid: member.uid, fullName: member.fullName, reason }]
                    : d.removed,
                }))
              }
            />
          ))}
          <Button
            block
            size="large"
            icon={<PlusOutlined />}
            data-testid="member-add"
            onClick={() => update({ members: [...draft.members, newMember(draft.residency, newClientId())] })}
          >
            {t('survey.member.add')}
          </Button>
          {draft.removed.length > 0 ? (
            <Card size="small" title={t('survey.member.removedTitle')} className="kps-survey-card">
              {draft.removed.map((r) => (
                <div key={r.uid} className="kps-survey-removed">
                  <span>
                    {r.fullName} · {t(`survey.removalReasons.${r.reason}`)}
                  </span>
                  <Button
                    icon={<UndoOutlined />}
                    onClick={() => {
                      const back = originalMembers.get(r.uid);
                      setDraft((d) => ({
                        ...d,
                        removed: d.removed.filter((x) => x.uid !== r.uid),
                        members: back ? [...d.members, back] : d.members,
                      }));
                    }}
                  >
                    {t('survey.member.undoRemove')}
                  </Button>
                </div>
              ))}
            </Card>
          ) : null}
        </>
      ) : null}

      <div className="kps-survey-submitbar">
        <Button
          type="primary"
          size="large"
          block
          loading={saving}
          disabled={view ? !view.abilities.canEdit : false}
          onClick={() => void submit()}
          data-testid="survey-submit"
        >
          {t('survey.form.submit')}
        </Button>
      </div>
    </div>
  );
}
