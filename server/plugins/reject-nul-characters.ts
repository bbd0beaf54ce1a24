import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

/** The path of the first string holding a NUL character, e.g. `body.members.0.name`, or null. */
function nulField(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 20 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulField(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuses NUL characters anywhere in params, query or JSON body with 400 VALIDATION_FAILED naming the field. */
export function registerNulCharacterCheck(app: FastifyInstance): void {
  // PostgreSQL can neither store nor compare text holding a NUL character (a 500 there), while SQLite would keep it
  // silently; either way it is bad input, refused on both engines before any handler sees it.
  app.addHook('preValidation', async (request) => {
    const field =
      nulField(request.params, 'params') ??
      nulField(request.query, 'querystring') ??
      nulField(request.body, 'body');
    if (field) {
      throw new AppError('VALIDATION_FAILED', {
        fields: [{ field, issue: 'nul_character', message: 'NUL characters are not allowed' }],
      });
    }
  });
}
