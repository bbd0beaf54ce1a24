import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError, localiseError, type ErrorCode } from '../errors.js';

export interface FieldError {
  field: string;
  issue: string;
  message: string;
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  status: number,
  details: object = {},
  params = {},
) {
  return reply
    .status(status)
    .send({ code, message: localiseError(code, request.locale ?? 'vi', params), details });
}

/** Turns zod issues into one entry per bad field, with the path written as `body.scope[0]`. */
export function fieldErrorsFromZod(
  issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code: string; keys?: string[] }>,
  prefix = '',
): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys)
        out.push({ field: base ? `${base}.${key}` : key, issue: 'unknown_field', message: issue.message });
    } else {
      out.push({ field: base, issue: issue.code, message: issue.message });
    }
  }
  return out;
}

/**
 * One place maps every error to `{ code, message, details }`. Bad input becomes 4xx with the fields named;
 * only an unexpected fault becomes a 500, and its internals are logged, never sent.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return send(reply, request, error.code, error.status, error.details, error.params);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as { validationContext?: string }).validationContext ?? 'body';
      const fields: FieldError[] = error.validation
        .map((v) => {
          // fastify-type-provider-zod 7 puts the zod issue code in `keyword` and its extra fields (keys) in `params`.
          const params = v.params as { keys?: string[] } | undefined;
          const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
          const keys = v.keyword === 'unrecognized_keys' ? params?.keys : undefined;
          if (keys?.length) {
            return keys.map((k) => ({
              field: [context, path, k].filter(Boolean).join('.'),
              issue: 'unknown_field',
              message: v.message ?? '',
            }));
          }
          return [
            { field: [context, path].filter(Boolean).join('.'), issue: v.keyword, message: v.message ?? '' },
          ];
        })
        .flat();
      const unknown = fields.find((f) => f.issue === 'unknown_field');
      if (unknown && fields.every((f) => f.issue === 'unknown_field')) {
        return send(reply, request, 'UNKNOWN_FIELD', 400, { fields }, { field: unknown.field });
      }
      return send(reply, request, 'VALIDATION_FAILED', 400, { fields });
    }
    if (error instanceof ZodError) {
      return send(reply, request, 'VALIDATION_FAILED', 400, { fields: fieldErrorsFromZod(error.issues) });
    }
    if (
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      return send(reply, request, 'INVALID_JSON', 400);
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      return send(reply, request, 'PAYLOAD_TOO_LARGE', 413);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      return send(reply, request, 'UNSUPPORTED_MEDIA_TYPE', 415);
    }
    if (error.statusCode === 429) {
      return send(reply, request, 'AUTH_RATE_LIMITED', 429);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, 'BAD_REQUEST', error.statusCode, { reason: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 'INTERNAL', 500);
  });
}
