import { z } from 'zod';
import { NotificationModeInputSchema } from '../../domain/meeting-schemas.ts';
import {
  calendarByToken,
  calendarFeedStatus,
  createCalendarFeed,
  getOrganizationAgenda,
  getPersonAgenda,
  getTableSheets,
  type RenderedAgenda,
} from '../../services/agenda/agenda.service.ts';
import { setNotificationModeOf } from '../../services/notifications/settings.service.ts';
import { idParams, SlugParams } from './params.ts';
import type { Routes } from './types.ts';

const send = (reply: import('fastify').FastifyReply, r: RenderedAgenda, download: boolean) => {
  if (r.contentType === 'application/json') return reply.send(r.body);
  reply.header('content-type', r.contentType);
  reply.header('cache-control', 'private, no-store');
  if (download) reply.header('content-disposition', `attachment; filename="${r.fileName}"`);
  return reply.send(r.body);
};

export const agendaRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/people/:personId/agenda',
    {
      schema: {
        tags: ['agendas'],
        summary: 'A person’s agenda as JSON, ICS or PDF (the person or organizers)',
        params: idParams('personId', 'person'),
        querystring: z.strictObject({
          format: z.enum(['json', 'ics', 'pdf'], 'json, ics or pdf').default('json'),
        }),
      },
    },
    async (request, reply) =>
      send(
        reply,
        await getPersonAgenda(
          ctx,
          request.actor,
          request.params.slug,
          request.params.personId,
          request.query.format,
        ),
        true,
      ),
  );

  app.get(
    '/api/v1/missions/:slug/organizations/:organizationId/agenda',
    {
      schema: {
        tags: ['agendas'],
        summary: 'An organization’s agenda, all its delegates (its people or organizers)',
        params: idParams('organizationId', 'organization'),
        querystring: z.strictObject({ format: z.enum(['json', 'pdf'], 'json or pdf').default('json') }),
      },
    },
    async (request, reply) =>
      send(
        reply,
        await getOrganizationAgenda(
          ctx,
          request.actor,
          request.params.slug,
          request.params.organizationId,
          request.query.format,
        ),
        true,
      ),
  );

  app.get(
    '/api/v1/missions/:slug/table-sheets',
    {
      schema: {
        tags: ['agendas'],
        summary: 'Table sheets for the venue, one page per table with check-in QR codes (organizers)',
        params: SlugParams,
        querystring: z.strictObject({
          table: z.string().min(1).max(60).optional(),
          lang: z.enum(['fr', 'en']).default('fr'),
        }),
      },
    },
    async (request, reply) =>
      send(
        reply,
        await getTableSheets(
          ctx,
          request.actor,
          request.params.slug,
          request.query.table,
          request.query.lang,
        ),
        true,
      ),
  );

  app.get(
    '/api/v1/missions/:slug/agenda/feed',
    {
      schema: {
        tags: ['agendas'],
        summary: 'Whether you have a calendar subscription URL',
        params: SlugParams,
      },
    },
    async (request) => calendarFeedStatus(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/missions/:slug/agenda/feed',
    {
      schema: {
        tags: ['agendas'],
        summary: 'A new calendar subscription URL (replaces the old one)',
        params: SlugParams,
      },
    },
    async (request) => createCalendarFeed(ctx, request.actor, request.params.slug),
  );

  app.get(
    '/api/v1/calendar/:file',
    {
      config: { isPublic: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['agendas'],
        summary: 'A subscribed calendar (the secret token is the credential)',
        params: z.strictObject({
          file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'not a calendar address'),
        }),
      },
    },
    async (request, reply) =>
      send(reply, await calendarByToken(ctx, request.params.file.replace(/\.ics$/, '')), false),
  );

  app.put(
    '/api/v1/missions/:slug/me/notifications',
    {
      schema: {
        tags: ['agendas'],
        summary: 'E-mail notifications: immediate, a daily digest, or off',
        params: SlugParams,
        body: NotificationModeInputSchema,
      },
    },
    async (request) => setNotificationModeOf(ctx, request.actor, request.params.slug, request.body.mode),
  );
};
