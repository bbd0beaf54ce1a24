import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangeUnitTypeInputSchema,
  CreateHamletInputSchema,
  ImportReportSchema,
  ImportUnitsInputSchema,
  IsoDateSchema,
  RenameUnitInputSchema,
  SEARCH_LIMIT_DEFAULT,
  SEARCH_LIMIT_MAX,
  UnitDetailSchema,
  UnitLevelSchema,
  UnitLineageSchema,
  UnitSummarySchema,
} from '../../../domain/admin-units/schemas.js';
import { AppError } from '../../errors.js';
import { requireActor } from '../../policies/actor.js';
import type { FeatureDeps } from '../index.js';
import { adminUnitChangesService } from './admin-unit-changes.service.js';
import { adminUnitsService } from './admin-units.service.js';
import { importUnitsUpload } from './import/import-units-file.js';
import { RowIdParam } from '../../../domain/ids/row-id.js';
import { lang } from '../../http/route-schemas.js';

const tags = ['units'];
/** Accepted on every route for the reply language (server/errors.ts pickLocale). */
const IdParamsSchema = z.strictObject({ id: RowIdParam });
const AsOfQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional(), lang });
const TreeQuerySchema = z.strictObject({
  asOf: IsoDateSchema.optional(),
  parentId: RowIdParam.optional(),
  lang,
});
const DescendantsQuerySchema = z.strictObject({
  asOf: IsoDateSchema.optional(),
  level: UnitLevelSchema.optional(),
  lang,
});
const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100),
  asOf: IsoDateSchema.optional(),
  level: UnitLevelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  lang,
});
const ItemsSchema = z.object({ items: z.array(UnitSummarySchema) });
const DatedItemsSchema = ItemsSchema.extend({ asOf: z.string() });

/**
 * The versioned administrative tree: browse it as of any date, read a unit's history and lineage, search current and
 * former names, add hamlets, rename and change types, and import the national lists. Every read is scoped.
 */
export function adminUnitsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const reads = adminUnitsService(deps.db, deps.now);
    const changes = adminUnitChangesService(deps.db, deps.now, reads);

    app.get(
      '/units/tree',
      {
        schema: {
          tags,
          summary: 'Children of a unit on a date (default today), or the top units the user sees',
          querystring: TreeQuerySchema,
          response: { 200: DatedItemsSchema },
        },
      },
      async (request) => reads.tree(requireActor(request.actor), request.query),
    );

    app.get(
      '/units/search',
      {
        schema: {
          tags,
          summary: 'Search current and former names, ignoring diacritics',
          querystring: SearchQuerySchema,
          response: { 200: ItemsSchema },
        },
      },
      async (request) => reads.search(requireActor(request.actor), request.query),
    );

    app.get(
      '/units/:id',
      {
        schema: {
          tags,
          summary: 'A unit as of a date, with its history, ancestors and what the user may do',
          params: IdParamsSchema,
          querystring: AsOfQuerySchema,
          response: { 200: UnitDetailSchema },
        },
      },
      async (request) => reads.detail(requireActor(request.actor), request.params.id, request.query.asOf),
    );

    app.get(
      '/units/:id/lineage',
      {
        schema: {
          tags,
          summary: 'Units this one was formed from and went into (2025 reorganisation)',
          params: IdParamsSchema,
          querystring: z.strictObject({ lang }),
          response: { 200: UnitLineageSchema },
        },
      },
      async (request) => reads.lineage(requireActor(request.actor), request.params.id),
    );

    app.get(
      '/units/:id/descendants',
      {
        schema: {
          tags,
          summary: 'Every unit below this one on a date',
          params: IdParamsSchema,
          querystring: DescendantsQuerySchema,
          response: { 200: DatedItemsSchema },
        },
      },
      async (request) => reads.descendants(requireActor(request.actor), request.params.id, request.query),
    );

    app.post(
      '/units',
      {
        schema: {
          tags,
          summary: 'Add a hamlet-level unit (khu phố, ấp, …) under a ward or commune',
          body: CreateHamletInputSchema,
          response: { 201: UnitDetailSchema },
        },
      },
      async (request, reply) => {
        const detail = await changes.createHamlet(requireActor(request.actor), request.body, request.ip);
        return reply.status(201).send(detail);
      },
    );

    app.post(
      '/units/:id/rename',
      {
        schema: {
          tags,
          summary: 'Rename from a date; the former name stays in the history',
          params: IdParamsSchema,
          body: RenameUnitInputSchema,
          response: { 200: UnitDetailSchema },
        },
      },
      async (request) =>
        changes.rename(requireActor(request.actor), request.params.id, request.body, request.ip),
    );

    app.post(
      '/units/:id/change-type',
      {
        schema: {
          tags,
          summary: 'Change the type from a date (e.g. ấp → khu phố); the type word in the name follows',
          params: IdParamsSchema,
          body: ChangeUnitTypeInputSchema,
          response: { 200: UnitDetailSchema },
        },
      },
      async (request) =>
        changes.changeType(requireActor(request.actor), request.params.id, request.body, request.ip),
    );

    app.post(
      '/units/import',
      {
        bodyLimit: 32 * 1024 * 1024,
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'Import a national list, the 2025 mapping or a hamlet list (CSV or XLSX, base64); city admins only',
          body: ImportUnitsInputSchema,
          response: { 200: ImportReportSchema },
        },
      },
      async (request) => {
        const report = await importUnitsUpload(
          deps.db,
          requireActor(request.actor),
          request.body,
          deps.now(),
          request.ip,
        );
        if (report.errors.length > 0) {
          throw new AppError(
            'IMPORT_FAILED',
            { errors: report.errors, warnings: report.warnings, layout: report.layout, rows: report.rows },
            { count: report.errors.length },
          );
        }
        return report;
      },
    );
  };
}
