import { z } from 'zod';
import {
  AttendanceInputSchema,
  CreateMeetingInputSchema,
  MoveMeetingInputSchema,
} from '../../domain/meeting-schemas.ts';
import {
  cancelMeeting,
  checkIn,
  checkInView,
  createMeeting,
  joinMeeting,
  listMeetings,
  markAttendance,
  moveMeeting,
} from '../../services/meetings.service.ts';
import { idParams, SlugParams } from './params.ts';
import type { Routes } from './types.ts';

const MeetingParams = idParams('meetingId', 'meeting');
const CodeParams = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/, 'not a check-in code'),
});

export const meetingRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Meetings of your organization (organizers: all)',
        params: SlugParams,
      },
    },
    async (request) => ({ items: await listMeetings(ctx, request.actor, request.params.slug) }),
  );

  app.post(
    '/api/v1/missions/:slug/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Create a meeting of 2 to 4 people directly (organizers)',
        params: SlugParams,
        body: CreateMeetingInputSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createMeeting(ctx, request.actor, request.params.slug, request.body)),
  );

  app.post(
    '/api/v1/missions/:slug/meetings/:meetingId/join',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Join the meeting a colleague has with a counterpart',
        params: MeetingParams,
      },
    },
    async (request) => joinMeeting(ctx, request.actor, request.params.slug, request.params.meetingId),
  );

  app.post(
    '/api/v1/missions/:slug/meetings/:meetingId/cancel',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Cancel a meeting (its participants or organizers)',
        params: MeetingParams,
      },
    },
    async (request) => cancelMeeting(ctx, request.actor, request.params.slug, request.params.meetingId),
  );

  app.put(
    '/api/v1/missions/:slug/meetings/:meetingId/placement',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Move a meeting to a slot and table (organizers)',
        params: MeetingParams,
        body: MoveMeetingInputSchema,
      },
    },
    async (request) =>
      moveMeeting(ctx, request.actor, request.params.slug, request.params.meetingId, request.body),
  );

  app.post(
    '/api/v1/missions/:slug/meetings/:meetingId/attendance',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Mark a meeting held or no-show',
        params: MeetingParams,
        body: AttendanceInputSchema,
      },
    },
    async (request) =>
      markAttendance(ctx, request.actor, request.params.slug, request.params.meetingId, request.body.status),
  );

  app.get(
    '/api/v1/check-in/:code',
    {
      config: { isPublic: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['meetings'],
        summary: 'The check-in page of a meeting, behind the QR code of its table sheet',
        params: CodeParams,
      },
    },
    async (request) => checkInView(ctx, request.params.code),
  );

  app.post(
    '/api/v1/check-in/:code',
    {
      config: { isPublic: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['meetings'],
        summary: 'Mark the meeting held or no-show at the table',
        params: CodeParams,
        body: AttendanceInputSchema,
      },
    },
    async (request) => checkIn(ctx, request.actor, request.params.code, request.body.status),
  );
};
