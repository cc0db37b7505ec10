import { z } from 'zod';
import {
  DirectoryQuerySchema,
  UpdateOrganizationInputSchema,
  UpdatePersonInputSchema,
} from '../../domain/schemas.ts';
import {
  getMissionOrganization,
  searchMissionOrganizations,
  searchMissionPeople,
  updateMissionOrganization,
  updateMissionPerson,
} from '../../services/directory.service.ts';
import { presentOrganization, presentOrganizationCard, presentPerson } from '../presenters.ts';
import type { Routes } from './types.ts';

const SlugParams = z.strictObject({ slug: z.string().min(1).max(80) });
const OrgParams = z.strictObject({ slug: z.string().min(1).max(80), id: z.uuid('not an organization id') });
const PersonParams = z.strictObject({ slug: z.string().min(1).max(80), id: z.uuid('not a person id') });

export const directoryRoutes: Routes = (app, ctx) => {
  app.get(
    '/api/v1/missions/:slug/organizations',
    {
      schema: {
        tags: ['directory'],
        summary: 'Search the organizations of a mission (paginated, by text, sector and side)',
        params: SlugParams,
        querystring: DirectoryQuerySchema,
      },
    },
    async (request) => {
      const page = await searchMissionOrganizations(ctx, request.actor, request.params.slug, request.query);
      return { ...page, items: page.items.map(presentOrganizationCard) };
    },
  );

  app.get(
    '/api/v1/missions/:slug/organizations/:id',
    { schema: { tags: ['directory'], summary: 'An organization profile', params: OrgParams } },
    async (request) =>
      presentOrganization(
        await getMissionOrganization(ctx, request.actor, request.params.slug, request.params.id),
      ),
  );

  app.patch(
    '/api/v1/missions/:slug/organizations/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Edit an organization profile (its own participants, organizers)',
        params: OrgParams,
        body: UpdateOrganizationInputSchema,
      },
    },
    async (request) =>
      presentOrganization(
        await updateMissionOrganization(
          ctx,
          request.actor,
          request.params.slug,
          request.params.id,
          request.body,
        ),
      ),
  );

  app.get(
    '/api/v1/missions/:slug/people',
    {
      schema: {
        tags: ['directory'],
        summary: 'Search the people of a mission (paginated; e-mails for organizers only)',
        params: SlugParams,
        querystring: DirectoryQuerySchema,
      },
    },
    async (request) => {
      const page = await searchMissionPeople(ctx, request.actor, request.params.slug, request.query);
      return { ...page, items: page.items.map((i) => presentPerson(i.row, i.seesContacts)) };
    },
  );

  app.patch(
    '/api/v1/missions/:slug/people/:id',
    {
      schema: {
        tags: ['directory'],
        summary: 'Edit a person (themselves, organizers)',
        params: PersonParams,
        body: UpdatePersonInputSchema,
      },
    },
    async (request) =>
      presentPerson(
        await updateMissionPerson(ctx, request.actor, request.params.slug, request.params.id, request.body),
        true,
      ),
  );
};
