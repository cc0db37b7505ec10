import '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';
import type { Actor } from '../services/actor.ts';
import { actorFromApiToken, actorFromSession } from '../services/auth.service.ts';
import type { AppContext } from '../services/context.ts';

export const SESSION_COOKIE = 'escale_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route anonymous callers may use: health, sign-in, the public mission page. */
    isPublic?: boolean;
  }
}

/**
 * Resolves the caller from the session cookie or a bearer API token before validation, and turns
 * anonymous callers away from every API route not marked public. Services check roles again.
 */
export function registerAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', undefined);
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const bearer = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    if (bearer) request.actor = await actorFromApiToken(ctx, bearer);
    else if (cookie) request.actor = await actorFromSession(ctx, cookie);
    if (!request.actor && request.routeOptions.config.isPublic !== true) {
      throw new AppError('unauthenticated', 'Sign in first');
    }
  });
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.publicUrl.startsWith('https://'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
