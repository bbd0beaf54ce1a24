import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FeatureDeps } from '../index.js';
import { AppError } from '../../errors.js';
import { EVIDENCE_MAX_BYTES } from '../../../domain/evaluation-rounds/evidence-type.js';
import {
  ApproveBody,
  CreateRoundBody,
  EvidenceParams,
  LangQuery,
  ReportQuery,
  ReturnBody,
  RoundParams,
  SubmitBody,
  WardEvidenceParams,
  WardParams,
} from './evaluation-rounds.schemas.js';
import {
  closeRound,
  createRound,
  listRounds,
  publishRound,
  roundDetail,
} from './evaluation-rounds.service.js';
import {
  addEvidence,
  approveSubmission,
  downloadEvidence,
  evidenceTooLarge,
  removeEvidence,
  returnSubmission,
  submitWard,
} from './submissions.service.js';
import { roundResults } from './results.service.js';
import { roundReport } from './reports.service.js';
import { attachment } from '../../http/content-disposition.js';

/** RFC 6266 filename*: keeps Vietnamese names intact in every browser. */

/** Reads the one "file" part of a multipart upload, mapping the plugin's errors to this feature's codes. */
async function readUpload(request: FastifyRequest): Promise<{ filename: string; content: Buffer }> {
  let part;
  try {
    part = await request.file();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    throw error;
  }
  if (!part || part.fieldname !== 'file') throw new AppError('EVIDENCE_FILE_REQUIRED', { field: 'file' });
  try {
    const content = await part.toBuffer();
    if (part.file.truncated) throw evidenceTooLarge();
    return { filename: part.filename, content };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw evidenceTooLarge();
    throw error;
  }
}

/** Evaluation rounds: open, submit with evidence, review, publish, rank, award and report (issue 5 §6–7). */
export function evaluationRoundsRoutes(deps: FeatureDeps): FastifyPluginAsync {
  return async (fastify) => {
    await fastify.register(fastifyMultipart, {
      // One byte over the limit: busboy truncates silently on a real socket, so the service sees MAX + 1 and refuses.
      limits: { fileSize: EVIDENCE_MAX_BYTES + 1, files: 1, fields: 5, parts: 6 },
    });
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['evaluation-rounds'];
    const ctx = (request: FastifyRequest) => ({ actor: request.actor, now: deps.now() });

    app.get(
      '/evaluation-rounds',
      { schema: { tags, summary: 'Rounds the caller may see', querystring: LangQuery } },
      async (request) => listRounds(deps.db, ctx(request)),
    );
    app.post(
      '/evaluation-rounds',
      {
        schema: { tags, summary: 'Open a round (city admin)', body: CreateRoundBody, querystring: LangQuery },
      },
      async (request, reply) =>
        reply.status(201).send(await createRound(deps.db, ctx(request), request.body)),
    );
    app.get(
      '/evaluation-rounds/:id',
      { schema: { tags, params: RoundParams, querystring: LangQuery } },
      async (request) => roundDetail(deps.db, ctx(request), request.params.id),
    );
    app.post(
      '/evaluation-rounds/:id/close',
      {
        schema: { tags, summary: 'Stop accepting submissions', params: RoundParams, querystring: LangQuery },
      },
      async (request) => closeRound(deps.db, ctx(request), request.params.id),
    );
    app.post(
      '/evaluation-rounds/:id/publish',
      { schema: { tags, summary: 'Publish results', params: RoundParams, querystring: LangQuery } },
      async (request) => publishRound(deps.db, ctx(request), request.params.id),
    );
    app.get(
      '/evaluation-rounds/:id/results',
      {
        schema: { tags, summary: 'Ranking and award proposal', params: RoundParams, querystring: LangQuery },
      },
      async (request) => roundResults(deps.db, ctx(request), request.params.id),
    );

    app.post(
      '/evaluation-rounds/:id/wards/:wardId/submit',
      { schema: { tags, params: WardParams, body: SubmitBody.nullish(), querystring: LangQuery } },
      async (request, reply) => {
        const { id, wardId } = request.params;
        const submission = await submitWard(
          deps.db,
          ctx(request),
          id,
          wardId,
          request.body?.note || undefined,
        );
        return reply.status(201).send({ submission });
      },
    );
    app.post(
      '/evaluation-rounds/:id/wards/:wardId/return',
      { schema: { tags, params: WardParams, body: ReturnBody, querystring: LangQuery } },
      async (request) => ({
        submission: await returnSubmission(
          deps.db,
          ctx(request),
          request.params.id,
          request.params.wardId,
          request.body.comment,
        ),
      }),
    );
    app.post(
      '/evaluation-rounds/:id/wards/:wardId/approve',
      { schema: { tags, params: WardParams, body: ApproveBody.nullish(), querystring: LangQuery } },
      async (request) => ({
        submission: await approveSubmission(
          deps.db,
          ctx(request),
          request.params.id,
          request.params.wardId,
          request.body?.comment,
        ),
      }),
    );

    app.post(
      '/evaluation-rounds/:id/wards/:wardId/evidence',
      {
        schema: {
          tags,
          summary: 'Upload one evidence file (multipart field "file"; PDF, JPEG, PNG, DOCX, XLSX; ≤ 10 MB)',
          params: WardParams,
          querystring: LangQuery,
        },
      },
      async (request, reply) => {
        const { id, wardId } = request.params;
        // Role, scope and round state are checked before the upload is read, so a refused caller sends no file.
        const evidence = await addEvidence(deps.db, ctx(request), id, wardId, () => readUpload(request));
        return reply.status(201).send({ evidence });
      },
    );
    app.delete(
      '/evaluation-rounds/:id/wards/:wardId/evidence/:evidenceId',
      { schema: { tags, params: WardEvidenceParams, querystring: LangQuery } },
      async (request) =>
        removeEvidence(
          deps.db,
          ctx(request),
          request.params.id,
          request.params.wardId,
          request.params.evidenceId,
        ),
    );
    app.get(
      '/evaluation-rounds/:id/evidence/:evidenceId',
      { schema: { tags, params: EvidenceParams, querystring: LangQuery } },
      async (request, reply) => {
        const file = await downloadEvidence(
          deps.db,
          ctx(request),
          request.params.id,
          request.params.evidenceId,
        );
        return reply
          .header('content-type', file.mime)
          .header('content-disposition', attachment(file.filename))
          .send(file.content);
      },
    );

    for (const format of ['xlsx', 'html'] as const) {
      app.get(
        `/evaluation-rounds/:id/report.${format}`,
        {
          schema: {
            tags,
            summary: `Results report (${format}); one ward's when wardId is given`,
            params: RoundParams,
            querystring: ReportQuery,
          },
        },
        async (request, reply) => {
          const report = await roundReport(
            deps.db,
            { ...ctx(request), locale: request.locale },
            request.params.id,
            format,
            request.query.wardId,
          );
          reply.header('content-type', report.contentType);
          if (format === 'xlsx') reply.header('content-disposition', attachment(report.filename));
          return reply.send(report.body);
        },
      );
    }
  };
}
