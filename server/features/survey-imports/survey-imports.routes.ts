import type { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureDeps } from '../index.js';
import { requireActor } from '../../policies/actor.js';
import { AppError } from '../../errors.js';
import { IMPORT_KINDS } from '../../../domain/surveys/import-columns.js';
import { runImport } from './survey-imports.service.js';
import { exportUnit, templateWorkbook } from './survey-exports.js';
import { requestContext } from '../../http/request-context.js';
import { IdParamsSchema, lang } from '../../http/route-schemas.js';
import { attachment } from '../../http/content-disposition.js';

/**
 * Excel/CSV templates, imports (dry run, then commit) and exports of survey data (issue 4 §6–7). The upload is
 * the raw file as the request body, streamed to disk: never parsed as JSON, never held in memory.
 */

const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
];

const KindSchema = z.enum(IMPORT_KINDS);
const ImportQuerySchema = z.strictObject({
  kind: KindSchema,
  dryRun: z.enum(['true', 'false']).default('true'),
  filename: z.string().max(255).optional(),
  lang,
});
const ExportQuerySchema = z.strictObject({
  kind: KindSchema.default('households'),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  lang,
});

const FieldChangeSchema = z.object({
  column: z.string(),
  member: z.string().optional(),
  before: z.string(),
  after: z.string(),
});
const ImportResultSchema = z.object({
  dryRun: z.boolean(),
  kind: KindSchema,
  summary: z.object({
    rows: z.number(),
    added: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    errors: z.number(),
  }),
  changes: z.array(
    z.object({
      row: z.number(),
      action: z.enum(['add', 'change', 'unchanged']),
      key: z.string(),
      fields: z.array(z.string()).optional(),
      diff: z.array(FieldChangeSchema).optional(),
    }),
  ),
  errors: z.array(
    z.object({ row: z.number(), column: z.string(), code: z.string(), vi: z.string(), en: z.string() }),
  ),
});

/** RFC 6266 filename*: keeps Vietnamese names intact in every browser. */

export function surveyImportsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    // The raw body is handed to the route as a stream; the service writes it to a temp file.
    fastify.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const context = (request: FastifyRequest) => requestContext(request, deps.now);
    const tags = ['survey-imports'];

    app.get(
      '/imports/templates/:kind',
      {
        schema: {
          tags,
          summary:
            'The .xlsx template of an import kind: Vietnamese headers, an example row, a "Hướng dẫn" sheet',
          params: z.strictObject({ kind: KindSchema }),
        },
      },
      async (request, reply) => {
        requireActor(request.actor);
        const buffer = await templateWorkbook(request.params.kind);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(`mau-nhap-${request.params.kind}.xlsx`))
          .send(buffer);
      },
    );

    app.post(
      '/hamlets/:id/imports',
      {
        schema: {
          tags,
          summary:
            'Import a .xlsx or .csv file (raw body): dryRun=true lists adds/changes/errors, dryRun=false commits all or nothing',
          params: IdParamsSchema,
          querystring: ImportQuerySchema,
          response: { 200: ImportResultSchema },
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (request) => {
        const body = request.body as Readable | undefined;
        if (!body || typeof body.pipe !== 'function') throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        return runImport(deps.db, context(request), {
          hamletId: request.params.id,
          kind: request.query.kind,
          dryRun: request.query.dryRun !== 'false',
          filename: request.query.filename,
          body,
        });
      },
    );

    app.get(
      '/hamlets/:id/export',
      {
        schema: {
          tags,
          summary:
            "Export a hamlet's (or a ward's hamlets') records in the template layout, as .xlsx or .csv",
          params: IdParamsSchema,
          querystring: ExportQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await exportUnit(
          deps.db,
          context(request),
          request.params.id,
          request.query.kind,
          request.query.format,
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', attachment(file.filename))
          .send(file.stream);
      },
    );
  };
}
