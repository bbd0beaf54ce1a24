import { useTranslation } from 'react-i18next';
import { fetchCity, type PublicCity } from './api';
import { CriteriaList } from './CriteriaList';
import { formatDate } from './format';
import { currentLanguage } from './i18n';
import { Meter } from './Meter';
import { unitHref } from './unit-href';
import { LoadError } from './States';
import { useData } from './use-data';

const GROUPS = ['awareness', 'skills', 'infrastructure', 'economy', 'society'] as const;
const TARGETS = ['vneid', 'payment', 'broadband', 'smartphone', 'wifi', 'cashless'] as const;
const STEPS = ['survey', 'track', 'assess'] as const;

/** The goal counter sits in the hero, in a box of fixed height, so the page does not jump when it arrives. */
function GoalBox({ city }: { city: PublicCity | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="pub-goal" data-testid="public-goal" aria-live="polite">
      {city ? (
        <>
          <strong className="pub-goal-value">
            {t('public.goalCounter', { x: city.goal.wardsWithStandardHamlet, n: city.goal.wards })}
          </strong>
          <span>{t('public.goalCounterText')}</span>
          <Meter value={city.goal.wardsWithStandardHamlet} max={city.goal.wards} />
          <span className="pub-goal-date">
            {t('public.dataAsOf', { date: formatDate(city.date), set: city.criteriaSet.name[language] })}
          </span>
        </>
      ) : (
        <span>{t('public.loading')}</span>
      )}
    </div>
  );
}

function Wards({ city }: { city: PublicCity }) {
  const { t } = useTranslation();
  return (
    <>
      <section className="pub-section" aria-labelledby="pub-wards">
        <h2 id="pub-wards">{t('public.wardsTitle')}</h2>
        <ul className="pub-cards" data-testid="public-wards">
          {city.wards.map((ward) => (
            <li key={ward.id} className="pub-card">
              <a href={unitHref(ward.id)} className="pub-card-link" data-testid={`public-ward-${ward.id}`}>
                {ward.name}
              </a>
              <span>{t('public.hamletsMeeting', { x: ward.hamletsMeetingStandard, n: ward.hamlets })}</span>
              <Meter value={ward.hamletsMeetingStandard} max={ward.hamlets} />
            </li>
          ))}
        </ul>
      </section>
      <section className="pub-section" aria-labelledby="pub-city-criteria">
        <h2 id="pub-city-criteria">{t('public.cityCriteriaTitle')}</h2>
        <CriteriaList criteria={city.criteria} groups={city.groups} />
      </section>
    </>
  );
}

/** "/": the programme for visitors, and the city's live progress under it. */
export function CityPage() {
  const { t } = useTranslation();
  const city = useData(fetchCity, 'city');
  return (
    <div data-testid="landing-page">
      <section className="pub-hero">
        <div className="pub-hero-inner">
          <p className="pub-kicker">{t('landing.kicker')}</p>
          <h1 data-testid="landing-title">{t('landing.title')}</h1>
          <p>{t('landing.lead')}</p>
          <p className="pub-hero-goal">
            <strong>{t('landing.goal')}</strong>
          </p>
          <GoalBox city={city.state === 'ready' ? city.data : null} />
        </div>
      </section>

      {city.state === 'error' && <LoadError onRetry={city.retry} />}
      {city.state === 'ready' && <Wards city={city.data} />}
      {/* The programme's sections come once the figures are in, below them: nothing on screen moves. */}
      {city.state !== 'loading' && <Programme />}
    </div>
  );
}

function Programme() {
  const { t } = useTranslation();
  return (
    <>
      <section className="pub-section" aria-labelledby="landing-groups">
        <h2 id="landing-groups">{t('landing.groupsTitle')}</h2>
        <ol className="pub-cards pub-cards-wide">
          {GROUPS.map((group, index) => (
            <li key={group} className="pub-card">
              <h3>
                {index + 1}. {t(`landing.groups.${group}.title`)}
              </h3>
              <p>{t(`landing.groups.${group}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section className="pub-section" aria-labelledby="landing-targets">
        <h2 id="landing-targets">{t('landing.targetsTitle')}</h2>
        <ul className="pub-cards pub-cards-narrow">
          {TARGETS.map((key) => (
            <li key={key} className="pub-card">
              <span className="pub-target-value">{t(`landing.targets.${key}.value`)}</span>
              <p>{t(`landing.targets.${key}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section className="pub-section" aria-labelledby="landing-how">
        <h2 id="landing-how">{t('landing.howTitle')}</h2>
        <ol className="pub-cards pub-cards-wide">
          {STEPS.map((key, index) => (
            <li key={key} className="pub-card">
              <h3>
                {index + 1}. {t(`landing.steps.${key}.title`)}
              </h3>
              <p>{t(`landing.steps.${key}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
