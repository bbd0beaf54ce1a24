import type { FastifyRequest } from 'fastify';
import { requireActor, type Actor } from '../policies/actor.js';

/** What a signed-in request hands its use case: who (401 without a session), when, and from where (for the audit log). */
export interface RequestContext {
  actor: Actor;
  now: Date;
  ip: string;
}

export function requestContext(request: FastifyRequest, now: () => Date): RequestContext {
  return { actor: requireActor(request.actor), now: now(), ip: request.ip };
}
