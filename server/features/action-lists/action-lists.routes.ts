import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { IsoDateSchema } from '../assessments/assessments.schemas.js';
import { buildActionList, type ActionListContext } from './action-lists.service.js';
import { actionListWorkbook } from './action-lists.xlsx.js';
import { hamletForecast } from './forecast.service.js';
import { IdParamsSchema, lang, LangQuerySchema } from '../../http/route-schemas.js';

const ActionListQuery = z.strictObject({
  date: IsoDateSchema.optional(),
  criterionCode: z.string().min(1).max(32).optional(),
  lang,
});

/** Action lists (whom to visit to close each gap), their Excel export, and the per-criterion forecast. */
export function actionListsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['action-lists'];
    const ctx = (request: FastifyRequest, format: 'json' | 'xlsx' = 'json'): ActionListContext => ({
      actor: request.actor,
      now: deps.now(),
      ip: request.ip,
      format,
    });

    app.get(
      '/hamlets/:id/action-list',
      {
        schema: {
          tags,
          summary:
            'Residents and households to visit for each unmet criterion, by street and household (audit-logged)',
          params: IdParamsSchema,
          querystring: ActionListQuery,
        },
      },
      async (request) => buildActionList(deps.db, ctx(request), request.params.id, request.query),
    );
    app.get(
      '/hamlets/:id/action-list.xlsx',
      {
        schema: {
          tags,
          summary: 'The action list as an Excel workbook, one sheet per criterion (audit-logged)',
          params: IdParamsSchema,
          querystring: ActionListQuery,
        },
      },
      async (request, reply) => {
        const list = await buildActionList(deps.db, ctx(request, 'xlsx'), request.params.id, request.query);
        const file = await actionListWorkbook(list);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header(
            'content-disposition',
            `attachment; filename="danh-sach-van-dong-${list.hamlet.id}-${list.date}.xlsx"`,
          )
          .send(file);
      },
    );
    app.get(
      '/hamlets/:id/forecast',
      {
        schema: {
          tags,
          summary: 'When each criterion would reach its target at the pace of the stored snapshots',
          params: IdParamsSchema,
          querystring: LangQuerySchema,
        },
      },
      async (request) => hamletForecast(deps.db, ctx(request), request.params.id),
    );
  };
}
