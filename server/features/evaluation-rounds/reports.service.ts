import type { Db } from '../../db/database.js';
import type { Locale } from '../../errors.js';
import { requireActor } from '../../policies/actor.js';
import { findUnitOn } from '../assessments/assessments.repository.js';
import { findCriteriaSet } from '../criteria-sets/criteria-sets.repository.js';
import type { CriteriaSetDefinition } from '../../../domain/criteria/index.js';
import * as repo from './evaluation-rounds.repository.js';
import { auditRound, loadRound, type RoundContext } from './evaluation-rounds.service.js';
import { roundResults, wardReportData } from './results.service.js';
import { cityReport, wardReport, type ReportDocument } from './report-model.js';
import { renderReportHtml } from './report-html.js';
import { renderReportXlsx } from './report-xlsx.js';
import { reportText } from './report-locales.js';
import { userNames } from '../surveys/versioned.repository.js';

export interface ReportContext extends RoundContext {
  locale: Locale;
}

/** The unit above the round's wards on the assessment date (the city or province), for the report's top line. */
async function superiorName(handle: Db, wardId: number | undefined, date: string): Promise<string> {
  if (wardId === undefined) return '';
  const ward = await findUnitOn(handle.db, wardId, date);
  if (!ward?.parentId) return '';
  return (await findUnitOn(handle.db, ward.parentId, date))?.name ?? '';
}

async function criterionNames(handle: Db, criteriaSetId: number, locale: Locale) {
  const set = await findCriteriaSet(handle.db, criteriaSetId);
  const names = new Map<string, string>();
  if (!set) return names;
  const definition = JSON.parse(set.definition) as CriteriaSetDefinition;
  for (const group of definition.groups)
    for (const criterion of group.criteria) names.set(criterion.code, criterion.name[locale]);
  return names;
}

/**
 * The city summary (ranking, awards, wards left out) or one ward's results, as print-ready HTML or XLSX. Access
 * follows the data: the city summary needs the results to be visible to the caller, a ward's report needs the ward.
 * Every download is audit-logged (not shown in the timeline).
 */
export async function roundReport(
  handle: Db,
  ctx: ReportContext,
  roundId: number,
  format: 'xlsx' | 'html',
  wardId?: number,
) {
  const actor = requireActor(ctx.actor);
  const round = await loadRound(handle, roundId);
  const t = reportText(ctx.locale);
  const wardIds = await repo.roundWardIds(handle.db, roundId);
  const superior = await superiorName(handle, wardId ?? wardIds[0], round.assessmentDate);
  const published = round.status === 'published';
  let doc: ReportDocument;
  if (wardId === undefined) {
    const results = await roundResults(handle, ctx, roundId);
    const creators = await userNames(handle.db, [round.createdBy]);
    const issuer = (round.createdBy === null ? undefined : creators.get(round.createdBy)) ?? superior;
    doc = cityReport(ctx.locale, ctx.now, {
      round,
      superior,
      issuer,
      published,
      ranking: results.ranking,
      awards: results.awards,
      excludedWards: results.excludedWards,
    });
  } else {
    const data = await wardReportData(handle, ctx, roundId, wardId);
    const ranks = new Map<number, number>();
    if (published || actor.role === 'city_admin')
      for (const r of (await roundResults(handle, ctx, roundId)).ranking) ranks.set(r.hamletId, r.rank);
    doc = wardReport(ctx.locale, ctx.now, {
      round,
      superior,
      wardName: data.wardName,
      published,
      submissionStatus: data.submissionStatus,
      hamlets: data.hamlets.map((h) => ({ ...h, rank: ranks.get(h.hamletId) ?? null })),
      criterionNames: await criterionNames(handle, round.criteriaSetId, ctx.locale),
    });
  }
  await auditRound(
    handle.db,
    actor,
    roundId,
    'round.report',
    { format, wardId: wardId ?? null },
    ctx.now.toISOString(),
  );
  if (format === 'html')
    return { contentType: 'text/html; charset=utf-8', filename: '', body: renderReportHtml(doc) };
  const filename =
    wardId === undefined ? t('fileCity', { id: roundId }) : t('fileWard', { id: roundId, ward: wardId });
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename,
    body: await renderReportXlsx(doc, wardId === undefined ? t('sheetCity') : t('sheetWard')),
  };
}
