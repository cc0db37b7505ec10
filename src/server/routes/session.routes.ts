import { z } from 'zod';
import { LIMITS } from '../../domain/limits.ts';
import {
  CreateApiTokenInputSchema,
  SignInInputSchema,
  SignInLinkConsumeSchema,
  SignInLinkRequestSchema,
} from '../../domain/schemas.ts';
import { requireActor } from '../../services/actor.ts';
import {
  createApiToken,
  requestSignInLink,
  signInWithLink,
  signInWithPassword,
  signOut,
} from '../../services/auth.service.ts';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { presentActor } from '../presenters.ts';
import type { Routes } from './types.ts';

// Counted per address and per e-mail, so one attacker cannot lock out a user from elsewhere.
const signInLimit = {
  isPublic: true,
  rateLimit: {
    max: LIMITS.signInAttemptsPerMinute,
    timeWindow: '1 minute',
    hook: 'preHandler' as const,
    keyGenerator: (req: { ip: string; body?: unknown }) =>
      `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
  },
};

export const sessionRoutes: Routes = (app, ctx) => {
  app.post(
    '/api/v1/session',
    {
      schema: { tags: ['session'], summary: 'Sign in with e-mail and password', body: SignInInputSchema },
      config: signInLimit,
    },
    async (request, reply) => {
      const session = await signInWithPassword(ctx, request.body);
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return { user: presentActor(session.actor) };
    },
  );

  app.get(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'The signed-in user and their roles' } },
    async (request) => ({
      user: presentActor(requireActor(request.actor)),
    }),
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags: ['session'], summary: 'Sign out' } },
    async (request, reply) => {
      requireActor(request.actor);
      const token = request.cookies[SESSION_COOKIE];
      if (token) await signOut(ctx, token);
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/session/link',
    {
      schema: {
        tags: ['session'],
        summary: 'E-mail a one-time sign-in link (answers 202 whether or not the address is known)',
        body: SignInLinkRequestSchema,
        querystring: z.strictObject({ lang: z.enum(['fr', 'en']).default('en') }),
      },
      config: signInLimit,
    },
    async (request, reply) => {
      await requestSignInLink(ctx, request.body.email, request.query.lang);
      return reply.status(202).send({ sent: true });
    },
  );

  app.post(
    '/api/v1/session/link/consume',
    {
      schema: { tags: ['session'], summary: 'Sign in with a link token', body: SignInLinkConsumeSchema },
      config: signInLimit,
    },
    async (request, reply) => {
      const session = await signInWithLink(ctx, request.body.token);
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return { user: presentActor(session.actor) };
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['session'],
        summary: 'Create an API token for scripts (shown once)',
        body: CreateApiTokenInputSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createApiToken(ctx, request.actor, request.body.name)),
  );
};
