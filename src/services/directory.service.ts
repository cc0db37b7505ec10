import { insertAuditEntries } from '../db/audit.repository.ts';
import { inTransaction } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import {
  bumpDirectoryVersionOfOrganization,
  findOrganizationInMission,
  listOpportunitiesOfOrganization,
  listSectorsOfOrganizations,
  type OrganizationRow,
  replaceOpportunities,
  replaceOrganizationSectors,
  updateOrganizationRow,
} from '../db/organizations.repository.ts';
import { findPersonById, findRegistration, searchPeople, updatePersonRow } from '../db/people.repository.ts';
import { forbidden, notFound } from '../domain/errors.ts';
import {
  type DirectoryQuery,
  DirectoryQuerySchema,
  UpdateOrganizationInputSchema,
  UpdatePersonInputSchema,
} from '../domain/schemas.ts';
import { normalizeKey } from '../domain/sectors.ts';
import { type Actor, ANY_ROLE, requireRole } from './actor.ts';
import type { AppContext } from './context.ts';
import { directoryIndex, searchDirectory } from './directory-index.ts';
import { findMissionOrThrow } from './missions.service.ts';
import { organizationSearchText, personSearchText } from './search-text.ts';

const words = (q: string | undefined): string[] =>
  q ? normalizeKey(q).split(' ').filter(Boolean).slice(0, 8) : [];

/** A page of the mission's organizations; any member of the mission may search. */
export async function searchMissionOrganizations(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  raw: unknown,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ANY_ROLE);
  const query: DirectoryQuery = DirectoryQuerySchema.parse(raw);
  const index = await directoryIndex(ctx.db, mission);
  const { total, page } = searchDirectory(index, {
    words: words(query.q),
    sector: query.sector,
    side: query.side,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { page: query.page, pageSize: query.pageSize, total, items: page };
}

/** May the caller change this organization's profile? Its own participants and the mission's organizers. */
export function canEditOrganization(actor: Actor, missionId: string, organizationId: string): boolean {
  const role = actor.isAdmin ? 'organizer' : actor.roles.get(missionId);
  return role === 'organizer' || (role === 'participant' && actor.organizationId === organizationId);
}

/** One organization's profile with its offers, requests and registered people. */
export async function getMissionOrganization(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  organizationId: string,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ANY_ROLE);
  const org = await findOrganizationInMission(ctx.db.kysely, mission.id, organizationId);
  if (!org) throw notFound('Organization');
  const [sectors, opportunities, people] = await Promise.all([
    listSectorsOfOrganizations(ctx.db.kysely, [org.id]),
    listOpportunitiesOfOrganization(ctx.db.kysely, org.id),
    searchPeople(ctx.db.kysely, {
      missionId: mission.id,
      organizationId: org.id,
      words: [],
      limit: 100,
      offset: 0,
    }),
  ]);
  const a = actor as Actor;
  const seesContacts = role === 'organizer' || a.organizationId === org.id;
  return {
    row: org,
    sectors: sectors.get(org.id) ?? [],
    opportunities,
    people: people.rows,
    seesContacts,
    canEdit: canEditOrganization(a, mission.id, org.id),
  };
}

export async function updateMissionOrganization(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  organizationId: string,
  raw: unknown,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'participant']);
  const a = actor as Actor;
  const input = UpdateOrganizationInputSchema.parse(raw);
  const org = await findOrganizationInMission(ctx.db.kysely, mission.id, organizationId);
  if (!org) throw notFound('Organization');
  if (!canEditOrganization(a, mission.id, org.id)) throw forbidden('You may edit only your own organization');
  await inTransaction(ctx.db, async (trx) => {
    const patch: Partial<OrganizationRow> = { updated_at: nowIso() };
    if (input.description !== undefined) patch.description = input.description;
    if (input.descriptionLanguage !== undefined) patch.description_language = input.descriptionLanguage;
    if (input.website !== undefined) patch.website = input.website;
    if (input.city !== undefined) patch.city = input.city;
    if (input.targetCountries !== undefined)
      patch.target_countries = JSON.stringify([...new Set(input.targetCountries)]);
    const opportunityTexts = input.opportunities
      ? input.opportunities.map((o) => o.text)
      : (await listOpportunitiesOfOrganization(trx, org.id)).map((o) => o.text);
    patch.search_text = organizationSearchText({ ...org, ...patch }, opportunityTexts);
    await updateOrganizationRow(trx, org.id, patch);
    if (input.sectors) await replaceOrganizationSectors(trx, org.id, [...new Set(input.sectors)]);
    if (input.opportunities) {
      await replaceOpportunities(
        trx,
        org.id,
        input.opportunities.map((o, position) => ({
          id: newId(),
          organization_id: org.id,
          kind: o.kind,
          text: o.text,
          language: o.language,
          position,
        })),
      );
    }
    await bumpDirectoryVersionOfOrganization(trx, org.id);
    await insertAuditEntries(trx, [
      {
        userId: a.userId,
        missionId: mission.id,
        entity: 'organization',
        entityId: org.id,
        action: 'update',
        changes: input,
      },
    ]);
  });
  return getMissionOrganization(ctx, actor, slug, organizationId);
}

/** A page of the people of a mission; contact details only for organizers. */
export async function searchMissionPeople(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  raw: unknown,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ANY_ROLE);
  const query = DirectoryQuerySchema.parse(raw);
  const { total, rows } = await searchPeople(ctx.db.kysely, {
    missionId: mission.id,
    words: words(query.q),
    sector: query.sector,
    side: query.side,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const a = actor as Actor;
  return {
    page: query.page,
    pageSize: query.pageSize,
    total,
    items: rows.map((r) => ({
      row: r,
      seesContacts: role === 'organizer' || r.organization_id === a.organizationId,
    })),
  };
}

/** A participant edits their own person; organizers edit anyone registered in the mission. */
export async function updateMissionPerson(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  personId: string,
  raw: unknown,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  const a = actor as Actor;
  const input = UpdatePersonInputSchema.parse(raw);
  const registration = await findRegistration(ctx.db.kysely, mission.id, personId);
  if (!registration) throw notFound('Person');
  if (role !== 'organizer' && a.personId !== personId) throw forbidden('You may edit only your own profile');
  await inTransaction(ctx.db, async (trx) => {
    const patch = {
      updated_at: nowIso(),
      ...(input.firstName !== undefined && { first_name: input.firstName }),
      ...(input.lastName !== undefined && { last_name: input.lastName }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.language !== undefined && { language: input.language }),
    };
    const person = await findPersonById(trx, personId);
    if (!person) throw notFound('Person');
    await updatePersonRow(trx, personId, {
      ...patch,
      search_text: personSearchText({ ...person, ...patch }),
    });
    await insertAuditEntries(trx, [
      {
        userId: a.userId,
        missionId: mission.id,
        entity: 'person',
        entityId: personId,
        action: 'update',
        changes: input,
      },
    ]);
  });
  const person = await findPersonById(ctx.db.kysely, personId);
  if (!person) throw notFound('Person');
  return person;
}
