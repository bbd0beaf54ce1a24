import type { Actor } from '../policies/actor.js';
import type { Locale } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth plugin: the logged-in user, or null. */
    actor: Actor | null;
    locale: Locale;
  }
}
export {};
