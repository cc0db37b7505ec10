import { z } from 'zod';
import { LIMITS } from '../../domain/limits.ts';
import { requireActor } from '../../services/actor.ts';
import { exportRoster } from '../../services/roster/export.service.ts';
import { importRoster } from '../../services/roster/import.service.ts';
import type { Routes } from './types.ts';

const SlugParams = z.strictObject({ slug: z.string().min(1).max(80) });
export const SHEET_CONTENT_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

export const rosterRoutes: Routes = (app, ctx) => {
  app.addContentTypeParser(
    SHEET_CONTENT_TYPES,
    { parseAs: 'buffer', bodyLimit: LIMITS.importBytesMax },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/missions/:slug/import',
    {
      bodyLimit: LIMITS.importBytesMax,
      schema: {
        tags: ['roster'],
        summary: 'Import participants from a CSV or XLSX body (organizers); all or nothing',
        params: SlugParams,
        querystring: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      if (!Buffer.isBuffer(request.body)) {
        throw Object.assign(new Error(`Send the file as ${SHEET_CONTENT_TYPES.join(' or ')}`), {
          statusCode: 415,
        });
      }
      return importRoster(ctx, actor, request.params.slug, request.body, {
        dryRun: request.query.dryRun === 'true',
      });
    },
  );

  app.get(
    '/api/v1/missions/:slug/export',
    {
      schema: {
        tags: ['roster'],
        summary: 'Export participants with the import columns (organizers)',
        params: SlugParams,
        querystring: z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (request, reply) => {
      const { format, data } = await exportRoster(
        ctx,
        requireActor(request.actor),
        request.params.slug,
        request.query.format,
      );
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : SHEET_CONTENT_TYPES[1]!;
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="${request.params.slug}-participants.${format}"`)
        .send(data);
    },
  );
};
