import { useTranslation } from 'react-i18next';
import type { PublicCount, PublicCriterion, PublicUnit } from './api';
import { formatNumber, formatPercent } from './format';
import { currentLanguage, type Language } from './i18n';
import { Meter } from './Meter';

type Group = PublicUnit['groups'][number];
type Tally = PublicUnit['groupTallies'][number];

function StatusBadge({ status }: { status: NonNullable<PublicCriterion['status']> }) {
  const { t } = useTranslation();
  return (
    <span className={`pub-badge pub-badge-${status}`} data-status={status}>
      {t(`public.status.${status}`)}
    </span>
  );
}

function useCountText() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (count: PublicCount | null): string => {
    if (!count) return '';
    if (count.state === 'below5') return t('public.below5');
    if (count.state === 'hidden' || count.value === null) return t('public.hidden');
    return formatNumber(count.value, language, 0);
  };
}

function targetText(target: PublicCriterion['target'], t: (k: string) => string, language: Language): string {
  if (!target) return '';
  if ('equals' in target) return target.equals ? t('public.factYes') : t('public.factNo');
  const sign = t(`public.compare.${target.comparator}`);
  if ('percent' in target) return `${sign} ${formatPercent(target.percent, language)}`;
  return `${sign} ${formatNumber(target.value, language, 0)}`;
}

function factText(fact: PublicCriterion['fact'], t: (k: string) => string, language: Language): string {
  if (fact === null) return t('public.factUnknown');
  if (typeof fact === 'boolean') return fact ? t('public.factYes') : t('public.factNo');
  return formatNumber(fact, language);
}

function CriterionItem({ c }: { c: PublicCriterion }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const countText = useCountText();
  const facts: string[] = [];
  if (c.percent !== null) facts.push(`${t('public.value')}: ${formatPercent(c.percent, language)}`);
  if (c.target) facts.push(`${t('public.target')}: ${targetText(c.target, t, language)}`);
  if (c.numerator && c.denominator)
    facts.push(t('public.counts', { k: countText(c.numerator), n: countText(c.denominator) }));
  if (c.count) facts.push(t('public.countLabel', { n: countText(c.count) }));
  if (c.kind === 'fact' && c.hamletsMet === null)
    facts.push(t('public.recorded', { v: factText(c.fact, t, language) }));
  if (c.hamletsMet !== null && c.hamletsApplicable !== null)
    facts.push(t('public.hamletsMetLabel', { k: c.hamletsMet, n: c.hamletsApplicable }));
  const target = c.target && 'percent' in c.target ? c.target.percent : null;
  return (
    <li className={c.isPart ? 'pub-criterion pub-part' : 'pub-criterion'} data-testid={`criterion-${c.code}`}>
      <div className="pub-criterion-head">
        <span className="pub-criterion-name">
          <span className="pub-code">{c.code}</span> {c.name[language]}
        </span>
        {c.status && <StatusBadge status={c.status} />}
      </div>
      {c.percent !== null && <Meter value={c.percent} max={100} target={target} />}
      <p className="pub-criterion-facts">{facts.join(' · ')}</p>
    </li>
  );
}

/** Criteria under their five groups; hamlet pages add "k / N met" per group. */
export function CriteriaList({
  criteria,
  groups,
  tallies = [],
}: {
  criteria: PublicCriterion[];
  groups: Group[];
  tallies?: Tally[];
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <div className="pub-groups">
      {groups.map((group) => {
        const items = criteria.filter((c) => c.group === group.code);
        if (items.length === 0) return null;
        const tally = tallies.find((x) => x.code === group.code);
        return (
          <section key={group.code} className="pub-group" aria-labelledby={`group-${group.code}`}>
            <h3 id={`group-${group.code}`}>
              {group.name[language]}
              {tally && (
                <span className="pub-group-tally">
                  {' '}
                  · {t('public.groupTally', { k: tally.met, n: tally.applicable })}
                </span>
              )}
            </h3>
            <ul className="pub-criteria">
              {items.map((c) => (
                <CriterionItem key={c.code} c={c} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
