import { PlusOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Segmented, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { foldVietnamese } from '../../../../domain/text/fold';
import { handOverLoadedUrls, registerServiceWorker } from '../../offline/register-service-worker';
import { onSynced } from '../../offline/survey-queue';
import { useSurveyQueue } from '../../offline/use-survey-queue';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoading } from '../../ui/PageLoading';
import { formatDate } from '../../ui/format';
import { useMe } from '../auth/auth-api';
import { fetchHouseholds, surveyKeys } from './survey-api';
import type { HouseholdView } from './survey-types';
import { SyncPanel } from './SyncPanel';
import { useSurveyHamlets } from './use-survey-hamlets';
import './survey.css';

const LAST_HAMLET_KEY = 'kps.survey.hamlet';
const MINE_KEY = 'kps.survey.mine';

/** Offline the server cannot search, so the cached full list is filtered here the same diacritic-free way. */
function filterLocally(items: HouseholdView[], q: string): HouseholdView[] {
  const needle = foldVietnamese(q);
  return items.filter((h) =>
    [h.localCode, h.address ?? '', ...h.members.map((m) => m.fullName)].some((text) =>
      foldVietnamese(text).includes(needle),
    ),
  );
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The team member's survey home: hamlet, sync state, and the households to visit. */
export default function SurveyPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const hamlets = useSurveyHamlets(me.data!);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  // Remembered across visits: a member who chose the whole hamlet comes back to it after each household.
  const [mine, setMineState] = useState(() => {
    const stored = window.localStorage.getItem(MINE_KEY);
    return stored === null ? me.data?.role === 'team_member' : stored === '1';
  });
  const setMine = (value: boolean) => {
    window.localStorage.setItem(MINE_KEY, value ? '1' : '0');
    setMineState(value);
  };
  const queue = useSurveyQueue();

  useEffect(() => registerServiceWorker(), []);
  // Load the form's code now, while there is signal: offline, a chunk never fetched cannot be opened.
  useEffect(() => void import('./HouseholdSurveyPage'), []);
  useEffect(
    () => onSynced(() => void queryClient.invalidateQueries({ queryKey: surveyKeys.all })),
    [queryClient],
  );

  const stored = Number(params.get('hamlet') ?? window.localStorage.getItem(LAST_HAMLET_KEY));
  const options = hamlets.data ?? [];
  const hamletId = options.some((h) => h.id === stored) ? stored : options.length === 1 ? options[0].id : 0;
  const chooseHamlet = (id: number) => {
    window.localStorage.setItem(LAST_HAMLET_KEY, String(id));
    setParams({ hamlet: String(id) }, { replace: true });
  };

  const full = useQuery({
    queryKey: surveyKeys.households(hamletId, mine, ''),
    queryFn: () => fetchHouseholds(hamletId, mine, ''),
    enabled: hamletId > 0,
  });
  const searched = useQuery({
    queryKey: surveyKeys.households(hamletId, mine, q),
    queryFn: () => fetchHouseholds(hamletId, mine, q),
    enabled: hamletId > 0 && q !== '',
    retry: false,
  });
  // Once the list is in, make sure the service worker keeps a copy (it may have started after the fetch).
  useEffect(() => {
    if (full.isSuccess) handOverLoadedUrls();
  }, [full.isSuccess, full.dataUpdatedAt]);

  const items = useMemo(() => {
    if (!q) return full.data?.items;
    if (searched.data) return searched.data.items;
    return searched.isError && full.data ? filterLocally(full.data.items, q) : undefined;
  }, [q, full.data, searched.data, searched.isError]);
  const queuedUids = useMemo(
    () => new Set(queue.items.map((item) => item.submission.householdUid).filter(Boolean)),
    [queue.items],
  );

  if (hamlets.isPending) return <PageLoading />;
  return (
    <div className="kps-survey" data-testid="survey-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('survey.title')}
      </Typography.Title>
      <SyncPanel />
      {hamlets.error ? <ErrorAlert error={hamlets.error} /> : null}
      <Select
        size="large"
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('survey.list.pickHamlet')}
        value={hamletId || undefined}
        onChange={chooseHamlet}
        data-testid="survey-hamlet"
        style={{ width: '100%' }}
        options={options.map((h) => ({
          value: h.id,
          label: h.parentName ? `${h.name} · ${h.parentName}` : h.name,
        }))}
      />
      {hamletId > 0 ? (
        <>
          <div data-testid="survey-scope">
            <Segmented
              block
              size="large"
              value={mine ? 'mine' : 'all'}
              onChange={(value) => setMine(value === 'mine')}
              options={[
                { value: 'mine', label: t('survey.list.mine') },
                { value: 'all', label: t('survey.list.all') },
              ]}
            />
          </div>
          <Input
            size="large"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('survey.list.search')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            data-testid="survey-search"
          />
          {full.error && !full.data ? <ErrorAlert error={full.error} /> : null}
          {q && searched.isError && full.data ? (
            <Alert type="info" showIcon title={t('survey.list.offlineSearch')} />
          ) : null}
          {full.data ? (
            <Typography.Text type="secondary" data-testid="survey-total">
              {t('survey.list.count', { count: items?.length ?? 0, total: full.data.total })}
            </Typography.Text>
          ) : null}
          {items === undefined ? (
            full.isFetching || searched.isFetching ? (
              <PageLoading />
            ) : null
          ) : items.length === 0 ? (
            <Empty description={mine ? t('survey.list.emptyMine') : t('survey.list.empty')} />
          ) : (
            <ul className="kps-survey-list" data-testid="household-list">
              {items.map((h) => (
                <li key={h.uid}>
                  <button
                    type="button"
                    className="kps-survey-item"
                    data-testid="household-item"
                    data-uid={h.uid}
                    onClick={() => void navigate(`/app/survey/households/${h.uid}?hamlet=${hamletId}`)}
                  >
                    <span className="kps-survey-item-main">
                      <strong>{h.localCode}</strong>
                      <span>{h.address ?? h.street ?? ''}</span>
                      <span className="kps-survey-item-meta">
                        {t('survey.list.members', { count: h.members.length })}
                        {h.members.find((m) => m.isHead)
                          ? ` · ${h.members.find((m) => m.isHead)?.fullName}`
                          : ''}
                      </span>
                      <span className="kps-survey-item-tags">
                        {queuedUids.has(h.uid) ? <Tag color="orange">{t('survey.list.queued')}</Tag> : null}
                        {h.lastVisit ? (
                          <Tag>
                            {t(`survey.outcomes.${h.lastVisit.outcome}`)} {formatDate(h.lastVisit.visitedAt)}
                          </Tag>
                        ) : (
                          <Tag color="blue">{t('survey.list.neverVisited')}</Tag>
                        )}
                      </span>
                    </span>
                    <RightOutlined />
                  </button>
                </li>
              ))}
            </ul>
          )}
          {full.data?.abilities.canCreate ? (
            <Button
              block
              size="large"
              icon={<PlusOutlined />}
              onClick={() => void navigate(`/app/survey/new?hamlet=${hamletId}`)}
            >
              {t('survey.list.newHousehold')}
            </Button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
