import { z } from 'zod';
import {
  DeclineInputSchema,
  MeetingRequestInputSchema,
  REQUEST_STATUSES,
} from '../../domain/meeting-schemas.ts';
import { listBlocks, setBlock } from '../../services/meetings.service.ts';
import {
  answerRequest,
  createRequest,
  listRequests,
  withdrawRequest,
} from '../../services/requests.service.ts';
import { idParams, SlugParams } from './params.ts';
import type { Routes } from './types.ts';

const RequestParams = idParams('requestId', 'request');
const PersonParams = idParams('personId', 'person');

export const requestRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/requests',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Your meeting requests, sent and received (organizers: scope=all for the whole mission)',
        params: SlugParams,
        querystring: z.strictObject({
          scope: z.enum(['mine', 'all'], 'mine or all').default('mine'),
          status: z.enum(REQUEST_STATUSES).optional(),
        }),
      },
    },
    async (request) => ({
      items: await listRequests(ctx, request.actor, request.params.slug, request.query),
    }),
  );

  app.post(
    '/api/v1/missions/:slug/requests',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Request a meeting with a message',
        params: SlugParams,
        body: MeetingRequestInputSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRequest(ctx, request.actor, request.params.slug, request.body)),
  );

  app.post(
    '/api/v1/missions/:slug/requests/:requestId/accept',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Accept a request: the meeting goes to scheduling',
        params: RequestParams,
      },
    },
    async (request) =>
      answerRequest(ctx, request.actor, request.params.slug, request.params.requestId, { accept: true }),
  );

  app.post(
    '/api/v1/missions/:slug/requests/:requestId/decline',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Decline a request, with an optional reason',
        params: RequestParams,
        body: DeclineInputSchema,
      },
    },
    async (request) =>
      answerRequest(ctx, request.actor, request.params.slug, request.params.requestId, {
        accept: false,
        reason: request.body.reason,
      }),
  );

  app.post(
    '/api/v1/missions/:slug/requests/:requestId/withdraw',
    { schema: { tags: ['meetings'], summary: 'Withdraw a pending request you sent', params: RequestParams } },
    async (request) => withdrawRequest(ctx, request.actor, request.params.slug, request.params.requestId),
  );

  app.get(
    '/api/v1/missions/:slug/blocks',
    { schema: { tags: ['meetings'], summary: 'People you blocked', params: SlugParams } },
    async (request) => ({ items: await listBlocks(ctx, request.actor, request.params.slug) }),
  );

  for (const [method, isBlocking] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    app[method](
      '/api/v1/missions/:slug/blocks/:personId',
      {
        schema: {
          tags: ['meetings'],
          summary: isBlocking ? 'Block a participant' : 'Unblock a participant',
          params: PersonParams,
        },
      },
      async (request) => ({
        items: await setBlock(ctx, request.actor, request.params.slug, request.params.personId, isBlocking),
      }),
    );
  }
};
