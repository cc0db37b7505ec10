import { z } from 'zod';
import { MatchingSettingsSchema } from '../../domain/meeting-schemas.ts';
import {
  getMatchingSettings,
  recommendationsFor,
  updateMatchingSettings,
} from '../../services/matching.service.ts';
import { SlugParams } from './params.ts';
import type { Routes } from './types.ts';

const RecommendationQuery = z.strictObject({
  organizationId: z.uuid('not an organization id').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  sameSide: z.enum(['true', 'false'], 'true or false').default('false'),
});

export const matchingRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/recommendations',
    {
      schema: {
        tags: ['matching'],
        summary:
          'Recommended counterparts of your organization (organizers: of any), best first, with reasons',
        params: SlugParams,
        querystring: RecommendationQuery,
      },
    },
    async (request) => ({
      items: await recommendationsFor(ctx, request.actor, request.params.slug, {
        organizationId: request.query.organizationId,
        limit: request.query.limit,
        includeSameSide: request.query.sameSide === 'true',
      }),
    }),
  );

  app.get(
    '/api/v1/missions/:slug/matching-settings',
    {
      schema: {
        tags: ['matching'],
        summary: 'Signal weights and request rules (organizers)',
        params: SlugParams,
      },
    },
    async (request) => getMatchingSettings(ctx, request.actor, request.params.slug),
  );

  app.put(
    '/api/v1/missions/:slug/matching-settings',
    {
      schema: {
        tags: ['matching'],
        summary: 'Weigh the recommendation signals; set request expiry and the cap of pending requests',
        params: SlugParams,
        body: MatchingSettingsSchema,
      },
    },
    async (request) => updateMatchingSettings(ctx, request.actor, request.params.slug, request.body),
  );
};
