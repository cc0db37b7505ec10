import { z } from 'zod';
import {
  AvailabilityInputSchema,
  BulkAvailabilityInputSchema,
  RunInputSchema,
  SessionInputSchema,
} from '../../domain/meeting-schemas.ts';
import {
  getAvailability,
  setAvailability,
  setAvailabilityInBulk,
} from '../../services/availability.service.ts';
import {
  cancelRun,
  getRun,
  listRuns,
  publishRun,
  startRun,
} from '../../services/scheduling/scheduling.service.ts';
import { listSessions, saveSession } from '../../services/sessions.service.ts';
import { idParams, Slug, SlugParams } from './params.ts';
import type { Routes } from './types.ts';

const SessionParams = idParams('sessionId', 'session');
const RunParams = z.strictObject({
  slug: Slug,
  sessionId: z.uuid('not a session id'),
  runId: z.uuid('not a run id'),
});
const PersonParams = idParams('personId', 'person');

export const sessionRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/sessions',
    { schema: { tags: ['scheduling'], summary: 'B2B sessions: days, slots, tables', params: SlugParams } },
    async (request) => ({ items: await listSessions(ctx, request.actor, request.params.slug) }),
  );

  app.post(
    '/api/v1/missions/:slug/sessions',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Create a B2B session (organizers)',
        params: SlugParams,
        body: SessionInputSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveSession(ctx, request.actor, request.params.slug, request.body)),
  );

  app.put(
    '/api/v1/missions/:slug/sessions/:sessionId',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Change a B2B session (organizers)',
        params: SessionParams,
        body: SessionInputSchema,
      },
    },
    async (request) =>
      saveSession(ctx, request.actor, request.params.slug, request.body, request.params.sessionId),
  );

  app.get(
    '/api/v1/missions/:slug/sessions/:sessionId/runs',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Scheduling runs of a session, newest first (organizers)',
        params: SessionParams,
      },
    },
    async (request) => ({
      items: await listRuns(ctx, request.actor, request.params.slug, request.params.sessionId),
    }),
  );

  app.post(
    '/api/v1/missions/:slug/sessions/:sessionId/runs',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Run the scheduler on the accepted meetings, in the background (organizers)',
        params: SessionParams,
        body: RunInputSchema,
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(
          await startRun(
            ctx,
            request.actor,
            request.params.slug,
            request.params.sessionId,
            request.body.timeLimitSeconds,
          ),
        ),
  );

  app.get(
    '/api/v1/missions/:slug/sessions/:sessionId/runs/:runId',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'A run: progress, figures, and the previewed grid',
        params: RunParams,
      },
    },
    async (request) =>
      getRun(ctx, request.actor, request.params.slug, request.params.sessionId, request.params.runId),
  );

  app.post(
    '/api/v1/missions/:slug/sessions/:sessionId/runs/:runId/cancel',
    {
      schema: { tags: ['scheduling'], summary: 'Stop a run; it keeps its best schedule', params: RunParams },
    },
    async (request) =>
      cancelRun(ctx, request.actor, request.params.slug, request.params.sessionId, request.params.runId),
  );

  app.post(
    '/api/v1/missions/:slug/sessions/:sessionId/runs/:runId/publish',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Publish a run: agendas change and participants are told',
        params: RunParams,
      },
    },
    async (request) =>
      publishRun(ctx, request.actor, request.params.slug, request.params.sessionId, request.params.runId),
  );

  app.get(
    '/api/v1/missions/:slug/people/:personId/availability',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Presence days and unavailable periods (the person or organizers)',
        params: PersonParams,
      },
    },
    async (request) => getAvailability(ctx, request.actor, request.params.slug, request.params.personId),
  );

  app.put(
    '/api/v1/missions/:slug/people/:personId/availability',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Set presence days and unavailable periods',
        params: PersonParams,
        body: AvailabilityInputSchema,
      },
    },
    async (request) =>
      setAvailability(ctx, request.actor, request.params.slug, request.params.personId, request.body),
  );

  app.put(
    '/api/v1/missions/:slug/availability',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Set many people’s availability at once, by e-mail (organizers)',
        params: SlugParams,
        body: BulkAvailabilityInputSchema,
      },
    },
    async (request) => setAvailabilityInBulk(ctx, request.actor, request.params.slug, request.body.people),
  );
};
