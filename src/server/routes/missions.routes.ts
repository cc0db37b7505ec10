import { z } from 'zod';
import { listSectors } from '../../db/missions.repository.ts';
import { requireActor } from '../../services/actor.ts';
import {
  createMission,
  getMissionOverview,
  getPublicMission,
  listMissionsFor,
} from '../../services/missions.service.ts';
import { setProgrammeSignup } from '../../services/programme.service.ts';
import { grantMissionRole } from '../../services/users.service.ts';
import { presentMission, presentTerritory } from '../presenters.ts';
import type { Routes } from './types.ts';

const SlugParams = z.strictObject({ slug: z.string().min(1).max(80) });

const ItemParams = z.strictObject({ slug: z.string().min(1).max(80), id: z.uuid('not a programme item id') });

export const missionRoutes: Routes = (app, ctx) => {
  for (const [method, isSigningUp] of [
    ['post', true],
    ['delete', false],
  ] as const) {
    app[method](
      '/api/v1/missions/:slug/programme/:id/signup',
      {
        schema: {
          tags: ['missions'],
          summary: isSigningUp ? 'Sign up to a programme item (within its capacity)' : 'Cancel a sign-up',
          params: ItemParams,
        },
      },
      async (request) =>
        setProgrammeSignup(ctx, request.actor, request.params.slug, request.params.id, isSigningUp),
    );
  }

  app.get(
    '/api/v1/sectors',
    { schema: { tags: ['missions'], summary: 'The sector catalogue' } },
    async (request) => {
      requireActor(request.actor);
      const rows = await listSectors(ctx.db.kysely);
      return { items: rows.map((s) => ({ code: s.code, name: { fr: s.name_fr, en: s.name_en } })) };
    },
  );

  app.get(
    '/api/v1/missions',
    { schema: { tags: ['missions'], summary: 'Missions the caller takes part in' } },
    async (request) => {
      const rows = await listMissionsFor(ctx, request.actor);
      return {
        items: rows.map((r) => ({
          ...presentMission(r.mission),
          role: r.role,
          counts: r.counts ?? { people: 0, organizations: 0 },
        })),
      };
    },
  );

  app.post(
    '/api/v1/missions',
    { schema: { tags: ['missions'], summary: 'Create a mission (instance admins)', body: z.unknown() } },
    async (request, reply) => {
      const mission = await createMission(ctx, requireActor(request.actor), request.body);
      return reply.status(201).send(presentMission(mission));
    },
  );

  app.get(
    '/api/v1/public/missions/:slug',
    {
      config: { isPublic: true },
      schema: {
        tags: ['missions'],
        summary: 'The public mission page: dates, sectors, territory profiles',
        params: SlugParams,
      },
    },
    async (request) => {
      const p = await getPublicMission(ctx, request.params.slug);
      return {
        mission: presentMission(p.mission),
        origin: presentTerritory(p.origin),
        host: presentTerritory(p.host),
        sectors: p.sectors,
      };
    },
  );

  app.get(
    '/api/v1/missions/:slug',
    {
      schema: {
        tags: ['missions'],
        summary: 'Mission overview: key figures and programme',
        params: SlugParams,
      },
    },
    async (request) => {
      const o = await getMissionOverview(ctx, request.actor, request.params.slug);
      return {
        mission: presentMission(o.mission),
        role: o.role,
        origin: presentTerritory(o.origin),
        host: presentTerritory(o.host),
        sectors: o.sectors,
        counts: o.counts,
        bySector: o.bySector,
        programme: o.programme.map((p) => ({
          id: p.id,
          kind: p.kind,
          title: { fr: p.title_fr, en: p.title_en },
          sector: p.sector_code,
          startsAt: p.starts_at,
          endsAt: p.ends_at,
          venue: p.venue,
          capacity: p.capacity,
          signups: p.signups,
          isSignedUp: p.isSignedUp,
        })),
      };
    },
  );

  app.put(
    '/api/v1/missions/:slug/roles',
    {
      schema: {
        tags: ['missions'],
        summary: 'Give a user a role in the mission (organizers)',
        params: SlugParams,
        body: z.strictObject({ email: z.string(), role: z.string() }),
      },
    },
    async (request) => grantMissionRole(ctx, requireActor(request.actor), request.params.slug, request.body),
  );
};
