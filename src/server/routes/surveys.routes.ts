import { z } from 'zod';
import { PlanSurveysSchema, SurveyAnswersSchema } from '../../domain/survey-schemas.ts';
import { requireRole } from '../../services/actor.ts';
import { findMissionOrThrow } from '../../services/missions.service.ts';
import {
  answerSurvey,
  planSurveys,
  sendDueSurveys,
  surveyByToken,
  surveyStats,
} from '../../services/surveys/surveys.service.ts';
import { SlugParams } from './params.ts';
import type { Routes } from './types.ts';

const TokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a survey link'),
});

export const surveyRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/surveys',
    { schema: { tags: ['follow-up'], summary: 'Survey waves and their response rates', params: SlugParams } },
    async (request) => surveyStats(ctx, request.actor, request.params.slug),
  );

  app.post(
    '/api/v1/missions/:slug/surveys',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Plan survey waves, in days after the mission (organizers)',
        params: SlugParams,
        body: PlanSurveysSchema,
      },
    },
    async (request) => planSurveys(ctx, request.actor, request.params.slug, request.body.offsetsDays),
  );

  app.post(
    '/api/v1/missions/:slug/surveys/send',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Send the waves that are due and the reminders now (organizers)',
        params: SlugParams,
      },
    },
    async (request) => {
      const mission = await findMissionOrThrow(ctx, request.params.slug);
      requireRole(request.actor, mission.id, ['organizer']);
      return sendDueSurveys(ctx);
    },
  );

  app.get(
    '/api/v1/survey/:token',
    {
      config: { isPublic: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['follow-up'],
        summary: 'A survey behind its personal link (no password)',
        params: TokenParams,
      },
    },
    async (request) => surveyByToken(ctx, request.params.token),
  );

  app.post(
    '/api/v1/survey/:token',
    {
      config: { isPublic: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['follow-up'],
        summary: 'Answer a survey: the leads and their history are updated',
        params: TokenParams,
        body: SurveyAnswersSchema,
      },
    },
    async (request) => answerSurvey(ctx, request.params.token, request.body.answers),
  );
};
