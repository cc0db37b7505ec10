import { z } from 'zod';
import {
  CreateLeadInputSchema,
  LEAD_STAGES,
  LEAD_TYPES,
  RateInputSchema,
  UpdateLeadInputSchema,
} from '../../domain/lead-schemas.ts';
import { SectorCodeSchema, SideSchema } from '../../domain/schemas.ts';
import { getImpact, getReport, listRates, setRate } from '../../services/leads/impact.service.ts';
import { createLead, getLead, listLeads, updateLead } from '../../services/leads/leads.service.ts';
import { idParams, SlugParams } from './params.ts';
import type { Routes } from './types.ts';

const LeadParams = idParams('leadId', 'lead');

export const leadRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/leads',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Leads of your organization (organizers: all of the mission’s)',
        params: SlugParams,
        querystring: z.strictObject({ stage: z.enum(LEAD_STAGES).optional() }),
      },
    },
    async (request) => ({ items: await listLeads(ctx, request.actor, request.params.slug, request.query) }),
  );

  app.post(
    '/api/v1/missions/:slug/leads',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Create a lead, from held meetings or by hand',
        params: SlugParams,
        body: CreateLeadInputSchema,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createLead(ctx, request.actor, request.params.slug, request.body)),
  );

  app.get(
    '/api/v1/missions/:slug/leads/:leadId',
    { schema: { tags: ['follow-up'], summary: 'A lead with its history', params: LeadParams } },
    async (request) => getLead(ctx, request.actor, request.params.slug, request.params.leadId),
  );

  app.patch(
    '/api/v1/missions/:slug/leads/:leadId',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Change a lead (kept in its history)',
        params: LeadParams,
        body: UpdateLeadInputSchema,
      },
    },
    async (request) =>
      updateLead(ctx, request.actor, request.params.slug, request.params.leadId, request.body),
  );

  app.get(
    '/api/v1/missions/:slug/impact',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'The impact dashboard (organizers and officials); side, sector and type filter the leads',
        params: SlugParams,
        querystring: z.strictObject({
          side: SideSchema.optional(),
          sector: SectorCodeSchema.optional(),
          type: z.enum(LEAD_TYPES).optional(),
        }),
      },
    },
    async (request) => getImpact(ctx, request.actor, request.params.slug, request.query),
  );

  app.get(
    '/api/v1/missions/:slug/rates',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Exchange rates to the reporting currency',
        params: SlugParams,
      },
    },
    async (request) => listRates(ctx, request.actor, request.params.slug),
  );

  app.put(
    '/api/v1/missions/:slug/rates',
    {
      schema: {
        tags: ['follow-up'],
        summary: 'Record the rate of a currency (organizers)',
        params: SlugParams,
        body: RateInputSchema,
      },
    },
    async (request) => setRate(ctx, request.actor, request.params.slug, request.body),
  );

  app.get(
    '/api/v1/missions/:slug/report',
    {
      schema: {
        tags: ['follow-up'],
        summary:
          'The impact report as PDF, XLSX (meetings and leads), JSON (every figure) or CSV (the leads)',
        params: SlugParams,
        querystring: z.strictObject({
          format: z.enum(['pdf', 'xlsx', 'json', 'csv'], 'pdf, xlsx, json or csv').default('pdf'),
          lang: z.enum(['fr', 'en']).default('fr'),
        }),
      },
    },
    async (request, reply) => {
      const r = await getReport(
        ctx,
        request.actor,
        request.params.slug,
        request.query.format,
        request.query.lang,
      );
      reply.header('content-type', r.contentType);
      reply.header('content-disposition', `attachment; filename="${r.fileName}"`);
      reply.header('cache-control', 'private, no-store');
      return reply.send(r.body);
    },
  );
};
