import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PageLoading } from '../../ui/PageLoading';
import { formatDate } from '../../ui/format';
import {
  actionKeys,
  fetchActionList,
  type ActionList,
  type ActionListPart,
  type StreetGroup,
} from './actions-api';
import { flatten, gapText, visitDate, whyText } from './action-text';
import { groupByStreet } from '../../../../domain/action-lists/action-lists';
import { currentLanguage } from '../../i18n';
import './print.css';

function StreetSheet({
  list,
  criterionCode,
  criterionName,
  gap,
  part,
  street,
  first,
}: {
  list: ActionList;
  criterionCode: string;
  criterionName: string;
  gap: string;
  part: ActionListPart;
  street: StreetGroup;
  first: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const residents = part.subject === 'residents';
  const named = part.subject !== 'households';
  const assignees = [
    ...new Set(street.households.map((h) => h.assignee?.displayName).filter((n): n is string => !!n)),
  ];
  let no = 0;
  return (
    <section className={first ? 'sheet' : 'sheet sheet-break'} data-testid="print-sheet">
      <header className="sheet-header">
        <div className="sheet-title">{t('actions.printPage.heading')}</div>
        <div>{t('actions.printPage.unit', { name: list.hamlet.name })}</div>
        <div>{t('actions.printPage.criterion', { code: part.code, name: part.name[lang] })}</div>
        {part.code !== criterionCode && <div className="muted">{criterionName}</div>}
        <div>
          {t('actions.printPage.date', { date: formatDate(list.date) })} · {gap}
        </div>
        <div className="sheet-street">
          {t('actions.printPage.street', { street: street.street ?? t('actions.noStreet') })}
        </div>
        {assignees.length > 0 && (
          <div className="sheet-assignees">
            {t('actions.printPage.assignees', { names: assignees.join(', ') })}
          </div>
        )}
      </header>
      <table className="checklist">
        <thead>
          <tr>
            <th className="c-no">{t('actions.columns.no')}</th>
            <th className="c-code">{t('actions.columns.localCode')}</th>
            <th className="c-name">{t('actions.columns.headName')}</th>
            {named && <th className="c-name">{t('actions.columns.name')}</th>}
            {residents && <th className="c-year">{t('actions.columns.birthYear')}</th>}
            <th>{t('actions.columns.why')}</th>
            <th className="c-date">{t('actions.columns.lastVisit')}</th>
            <th className="c-check">{t('actions.columns.visited')}</th>
            <th className="c-note">{t('actions.columns.note')}</th>
          </tr>
        </thead>
        <tbody>
          {street.households.flatMap((h) =>
            h.rows.map((r, i) => (
              <tr key={r.uid} className={i === 0 ? 'household-first' : undefined}>
                <td className="c-no">{++no}</td>
                <td className="c-code">{i === 0 ? r.localCode : ''}</td>
                <td className="c-name">{i === 0 ? r.headName : ''}</td>
                {named && <td className="c-name">{r.name}</td>}
                {residents && <td className="c-year">{r.birthYear}</td>}
                <td className={r.verdict === 'unknown' ? 'why unknown' : 'why'}>{whyText(r, t)}</td>
                <td className="c-date">{visitDate(r.lastVisitAt)}</td>
                <td className="c-check">
                  <span className="box" />
                </td>
                <td className="c-note" />
              </tr>
            )),
          )}
        </tbody>
      </table>
      <footer className="sheet-footer">
        <span>{t('actions.printPage.totals', { count: no })}</span>
        <span className="sign">
          <strong>{t('actions.printPage.signature')}</strong>
          <br />
          <em>{t('actions.printPage.signHint')}</em>
        </span>
      </footer>
    </section>
  );
}

/**
 * /app/hamlets/:id/actions/print: the A4 checklist for a door-to-door round, one street per page, with a box to
 * tick and room for notes. Outside the app shell so that only the sheets print; ?print=1 opens the print dialog.
 */
export default function ActionsPrintPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const hamletId = Number(useParams().id);
  const [search] = useSearchParams();
  const criterionCode = search.get('criterionCode') ?? undefined;
  const list = useQuery({
    queryKey: actionKeys.list(hamletId, criterionCode),
    queryFn: () => fetchActionList(hamletId, criterionCode),
    enabled: Number.isInteger(hamletId) && hamletId > 0,
  });
  const autoPrint = search.get('print') === '1';
  useEffect(() => {
    if (autoPrint && list.data) window.setTimeout(() => window.print(), 300);
  }, [autoPrint, list.data]);

  if (list.isLoading) return <PageLoading />;
  if (list.error || !list.data) return <ErrorAlert error={list.error} />;
  const data = list.data;
  let first = true;
  return (
    <div className="print-root">
      <div className="print-toolbar">
        <button type="button" onClick={() => window.history.back()}>
          {t('actions.printPage.back')}
        </button>
        <button type="button" onClick={() => window.print()} data-testid="print-now">
          {t('actions.printPage.printNow')}
        </button>
      </div>
      {data.criteria.length === 0 && <p>{t('actions.nothing')}</p>}
      {data.criteria.map((c) =>
        c.parts.flatMap((part) =>
          [...part.missing, ...part.unknown].length === 0
            ? []
            : mergeStreets([...part.missing, ...part.unknown]).map((street) => {
                const sheet = (
                  <StreetSheet
                    key={`${part.code}/${street.street ?? ''}`}
                    list={data}
                    criterionCode={c.code}
                    criterionName={`${c.code}: ${c.name[lang]}`}
                    gap={gapText(c, t, lang)}
                    part={part}
                    street={street}
                    first={first}
                  />
                );
                first = false;
                return sheet;
              }),
        ),
      )}
    </div>
  );
}

/** Missing and unknown rows of one street on one sheet, households whole: the visitor walks the street once. */
function mergeStreets(groups: StreetGroup[]): StreetGroup[] {
  return groupByStreet(flatten(groups));
}
