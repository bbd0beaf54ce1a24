import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from './db/database.js';
import { isDatabaseReachable } from './db/database.js';
import type { Env } from './env.js';
import { AppError, pickLocale } from './errors.js';
import { registerErrorHandling } from './plugins/error-handler.js';
import { registerNulCharacterCheck } from './plugins/reject-nul-characters.js';
import { registerAuth } from './plugins/auth.js';
import './plugins/request-context.js';
import { featureRoutes } from './features/index.js';

export interface AppDeps {
  db: Db;
  env: Env;
  /** Injected clock, so tests can move time (session expiry, lockouts). */
  now?: () => Date;
  logger?: boolean | object;
  /** Folder of the built web app; defaults to web/dist. Missing folder = API only. */
  webDist?: string;
}

export type App = FastifyInstance;

const here = path.dirname(fileURLToPath(import.meta.url));

/** Builds the whole application without listening, so tests drive it with app.inject. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 10 * 1024 * 1024,
    // Only behind a real reverse proxy may X-Forwarded-For be believed; otherwise the per-IP login limit is trivially dodged.
    trustProxy: deps.env.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('locale', 'vi');
  await app.register(fastifyCookie);
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.query, request.cookies?.lang, request.headers['accept-language']);
  });
  registerErrorHandling(app);
  registerNulCharacterCheck(app);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd and Leaflet set inline styles; swagger-ui needs its inline bootstrap script at /api/docs.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyRateLimit, { global: false });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Khu phố số API',
        description: 'API của nền tảng Khu phố số. Lỗi có dạng { code, message, details }.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuth(app, deps.db, now);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const ok = await isDatabaseReachable(deps.db);
    return reply.status(ok ? 200 : 503).send({ status: ok ? 'ready' : 'database_unreachable' });
  });

  await app.register(featureRoutes(deps.db, now, deps.env), { prefix: '/api' });

  const webDist = deps.webDist ?? path.resolve(here, '../web/dist');
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    // The build writes .br/.gz beside each asset (web/vite.config.ts); they are sent as they are.
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, preCompressed: true });
  }
  // Visitors' pages ("/" and /cong-khai/…) are a second, small entry without the officials' app shell.
  if (hasWeb && fs.existsSync(path.join(webDist, 'public.html'))) {
    const publicPage = async (_request: unknown, reply: FastifyReply) =>
      reply.type('text/html').sendFile('public.html');
    app.get('/', { schema: { hide: true } }, publicPage);
    app.get('/cong-khai', { schema: { hide: true } }, publicPage);
    app.get('/cong-khai/*', { schema: { hide: true } }, publicPage);
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0];
    if (url.startsWith('/api') || !hasWeb || request.method !== 'GET') {
      throw new AppError('ROUTE_NOT_FOUND', {}, { method: request.method, url });
    }
    // Client-side routes: every other GET gets the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
