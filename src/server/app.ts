import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../services/context.ts';
import { registerAuth } from './auth.ts';
import { handleError } from './errors.ts';
import { agendaRoutes } from './routes/agenda.routes.ts';
import { directoryRoutes } from './routes/directory.routes.ts';
import { leadRoutes } from './routes/leads.routes.ts';
import { matchingRoutes } from './routes/matching.routes.ts';
import { meetingRoutes } from './routes/meetings.routes.ts';
import { missionRoutes } from './routes/missions.routes.ts';
import { requestRoutes } from './routes/requests.routes.ts';
import { rosterRoutes } from './routes/roster.routes.ts';
import { sessionRoutes } from './routes/session.routes.ts';
import { sessionRoutes as b2bSessionRoutes } from './routes/sessions.routes.ts';
import { surveyRoutes } from './routes/surveys.routes.ts';

/** The package's folder: the first one above this module with a package.json (from src/ or from the CLI's bundle). */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || dirname(dir) === dir) return dir;
  }
}

export const WEB_ROOT = join(packageRoot(import.meta.dirname), 'dist', 'web');

export interface AppOptions {
  /** Log at the configured level (requests are logged at info); no logging when false. */
  logger?: boolean;
  webRoot?: string;
}

/** Builds the HTTP app: JSON API under /api/v1, OpenAPI at /api/docs, the SPA at /. */
export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? { level: ctx.config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Upgrading to https would break a plain-http install on a local network.
        upgradeInsecureRequests: ctx.config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: 'Escale API', version: '1' }, components: {} },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuth(app, ctx);

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/api/health', { config: { isPublic: true }, schema: { tags: ['health'] } }, async () => ({
    status: 'ok',
    database: ctx.db.dialect,
  }));
  for (const routes of [
    sessionRoutes,
    missionRoutes,
    directoryRoutes,
    rosterRoutes,
    matchingRoutes,
    requestRoutes,
    meetingRoutes,
    b2bSessionRoutes,
    agendaRoutes,
    leadRoutes,
    surveyRoutes,
  ])
    routes(typed, ctx);

  const webRoot = opts.webRoot ?? WEB_ROOT;
  const hasWeb = existsSync(join(webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') {
      return reply.status(404).send({
        error: {
          code: 'not_found',
          message: `No route ${request.method} ${request.url.split('?')[0]}`,
          details: [],
        },
      });
    }
    if (!hasWeb)
      return reply.status(503).type('text/plain').send('The web app is not built: run npm run build');
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
