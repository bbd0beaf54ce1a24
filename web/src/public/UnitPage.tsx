import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchUnit, type PublicUnit } from './api';
import { CriteriaList } from './CriteriaList';
import { formatDate } from './format';
import { currentLanguage } from './i18n';
import { Meter } from './Meter';
import { LoadError, Loading, NotFound } from './States';
import { unitHref } from './unit-href';
import { useData } from './use-data';

function Breadcrumb({ page }: { page: PublicUnit }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('public.breadcrumb')} className="pub-breadcrumb">
      <a href="/">{t('public.city')}</a>
      {page.ward && (
        <>
          {' › '}
          <a href={unitHref(page.ward.id)}>{page.ward.name}</a>
        </>
      )}
      {' › '}
      <span aria-current="page">{page.unit.name}</span>
    </nav>
  );
}

function Standard({ meets }: { meets: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`pub-badge ${meets ? 'pub-badge-met' : 'pub-badge-progress'}`}>
      {meets ? t('public.meetsStandard') : t('public.notYetStandard')}
    </span>
  );
}

function WardHamlets({ page }: { page: PublicUnit }) {
  const { t } = useTranslation();
  return (
    <section className="pub-section" aria-labelledby="pub-hamlets">
      <h2 id="pub-hamlets">{t('public.hamletsTitle')}</h2>
      <ul className="pub-cards" data-testid="public-hamlets">
        {page.hamlets.map((h) => (
          <li key={h.id} className="pub-card">
            <a href={unitHref(h.id)} className="pub-card-link" data-testid={`public-hamlet-${h.id}`}>
              {h.name}
            </a>
            <span className="pub-card-line">
              <span data-testid="hamlet-tally">
                {t('public.hamletSummary', { k: h.met, n: h.applicable })}
              </span>
              <Standard meets={h.meetsStandard} />
              {h.isPilot && <span className="pub-badge pub-badge-pilot">{t('public.pilot')}</span>}
            </span>
            <Meter value={h.met} max={h.applicable} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function UnitView({ page }: { page: PublicUnit }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  useEffect(() => {
    document.title = `${page.unit.name} – ${t('app.name')}`;
  }, [page.unit.name, t]);
  const isHamlet = page.unit.level === 'hamlet';
  return (
    <>
      <section className="pub-section pub-unit-head">
        <Breadcrumb page={page} />
        <h1 data-testid="public-unit-name">{page.unit.name}</h1>
        <p className="pub-muted">
          {t('public.dataAsOf', { date: formatDate(page.date), set: page.criteriaSet.name[language] })}
        </p>
        <p className="pub-summary" data-testid="public-summary">
          {isHamlet && page.overall ? (
            <>
              <strong>
                {t('public.hamletSummary', { k: page.overall.met, n: page.overall.applicable })}
              </strong>
              <Standard meets={page.overall.meetsStandard} />
            </>
          ) : (
            <strong>
              {t('public.wardSummary', { x: page.hamletsMeetingStandard ?? 0, n: page.hamlets.length })}
            </strong>
          )}
        </p>
      </section>
      {!isHamlet && <WardHamlets page={page} />}
      <section className="pub-section" aria-labelledby="pub-criteria">
        <h2 id="pub-criteria">{t('public.criteriaTitle')}</h2>
        <CriteriaList criteria={page.criteria} groups={page.groups} tallies={page.groupTallies} />
      </section>
    </>
  );
}

/** /cong-khai/don-vi/:id — a ward (its hamlets and totals) or a hamlet (its scorecard). */
export function UnitPage({ id }: { id: number }) {
  const page = useData(() => fetchUnit(id), `unit-${id}`);
  if (page.state === 'loading') return <Loading />;
  if (page.state === 'error') return page.notFound ? <NotFound /> : <LoadError onRetry={page.retry} />;
  return <UnitView page={page.data} />;
}
