import { z } from 'zod';
import { insertAuditEntries } from '../db/audit.repository.ts';
import { inTransaction } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import {
  countRegistrationsByMission,
  findMissionBySlug,
  findPartnershipByTerritories,
  findTerritoryById,
  findTerritoryByName,
  insertMission,
  insertPartnership,
  insertTerritory,
  listMissionSectorCodes,
  listMissions,
  listTerritoryFacts,
  type MissionRow,
} from '../db/missions.repository.ts';
import { countOrganizationsBySectorAndSide } from '../db/organizations.repository.ts';
import { listProgrammeOfMission, listSignupItemsOfPerson } from '../db/programme.repository.ts';
import { AppError, forbidden, notFound } from '../domain/errors.ts';
import { CreateMissionInputSchema } from '../domain/schemas.ts';
import { type Actor, ANY_ROLE, requireActor, requireRole, roleIn } from './actor.ts';
import type { AppContext } from './context.ts';

export async function findMissionOrThrow(ctx: AppContext, slug: string): Promise<MissionRow> {
  const mission = await findMissionBySlug(ctx.db.kysely, slug);
  if (!mission) throw notFound(`Mission "${slug}"`);
  return mission;
}

/** The missions the caller has a role in (all of them for an admin), with head counts. */
export async function listMissionsFor(ctx: AppContext, actor: Actor | undefined) {
  const a = requireActor(actor);
  const rows = await listMissions(ctx.db.kysely, a.isAdmin ? undefined : [...a.roles.keys()]);
  const counts = await countRegistrationsByMission(ctx.db.kysely);
  return rows.map((m) => ({ mission: m, role: roleIn(a, m.id), counts: counts.get(m.id) }));
}

/** Every mission with its counts, for the operator's CLI. */
export async function listAllMissions(ctx: AppContext) {
  const [rows, counts] = await Promise.all([
    listMissions(ctx.db.kysely),
    countRegistrationsByMission(ctx.db.kysely),
  ]);
  return rows.map((m) => ({ mission: m, counts: counts.get(m.id) ?? { people: 0, organizations: 0 } }));
}

/** Creates a mission, and its territories and partnership when they are new. Admins only (the CLI acts as one). */
export async function createMission(
  ctx: AppContext,
  actor: Actor | 'system',
  raw: unknown,
): Promise<MissionRow> {
  if (actor !== 'system' && !actor.isAdmin) throw forbidden('Only an instance admin creates missions');
  const input = CreateMissionInputSchema.parse(raw);
  const userId = actor === 'system' ? null : actor.userId;
  return inTransaction(ctx.db, async (trx) => {
    if (await findMissionBySlug(trx, input.slug)) {
      throw new AppError('conflict', `A mission with the slug "${input.slug}" exists already`, [
        { field: 'slug', reason: 'already taken' },
      ]);
    }
    const territoryId = async (name: string, timezone: string) => {
      const found = await findTerritoryByName(trx, name);
      if (found) return found.id;
      const id = newId();
      await insertTerritory(trx, { id, name, country: '', timezone, pitch_fr: '', pitch_en: '' }, []);
      return id;
    };
    const originId = await territoryId(input.origin, input.timezone);
    const hostId = await territoryId(input.host, input.timezone);
    if (originId === hostId) {
      throw new AppError('validation_failed', 'Origin and host must be different territories', [
        { field: 'host', reason: 'same as origin' },
      ]);
    }
    let partnership = await findPartnershipByTerritories(trx, originId, hostId);
    if (!partnership) {
      partnership = {
        id: newId(),
        territory_a_id: originId,
        territory_b_id: hostId,
        signed_on: null,
        name: '',
      };
      partnership.name = `${input.origin} – ${input.host}`;
      await insertPartnership(trx, partnership);
    }
    const row: MissionRow = {
      id: newId(),
      slug: input.slug,
      title: input.title,
      partnership_id: partnership.id,
      origin_territory_id: originId,
      host_territory_id: hostId,
      timezone: input.timezone,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      reporting_currency: input.reportingCurrency,
      matching_weights: '{}',
      request_expiry_hours: 72,
      max_pending_requests: 20,
      summary_fr: '',
      summary_en: '',
      directory_version: 0,
      created_at: nowIso(),
    };
    await insertMission(trx, row, input.sectors ?? []);
    await insertAuditEntries(trx, [
      { userId, missionId: row.id, entity: 'mission', entityId: row.id, action: 'create', changes: input },
    ]);
    return row;
  });
}

async function territoryProfile(ctx: AppContext, id: string) {
  const t = await findTerritoryById(ctx.db.kysely, id);
  if (!t) throw notFound('Territory');
  return { territory: t, facts: await listTerritoryFacts(ctx.db.kysely, id) };
}

/** What anyone may read: the mission's title, dates, sectors and both territories' profiles. */
export async function getPublicMission(ctx: AppContext, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  const [origin, host, sectors] = await Promise.all([
    territoryProfile(ctx, mission.origin_territory_id),
    territoryProfile(ctx, mission.host_territory_id),
    listMissionSectorCodes(ctx.db.kysely, mission.id),
  ]);
  return { mission, origin, host, sectors };
}

/** The mission overview for its members: key figures per sector and side, and the programme. */
export async function getMissionOverview(ctx: AppContext, actor: Actor | undefined, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ANY_ROLE);
  const personId = (actor as Actor).personId;
  const [pub, bySector, counts, programme, mySignups] = await Promise.all([
    getPublicMission(ctx, slug),
    countOrganizationsBySectorAndSide(ctx.db.kysely, mission.id),
    countRegistrationsByMission(ctx.db.kysely),
    listProgrammeOfMission(ctx.db.kysely, mission.id),
    personId ? listSignupItemsOfPerson(ctx.db.kysely, mission.id, personId) : ([] as string[]),
  ]);
  return {
    ...pub,
    role,
    counts: counts.get(mission.id) ?? { people: 0, organizations: 0 },
    bySector: bySector.map((r) => ({ sector: r.sector_code, side: r.side, organizations: Number(r.n) })),
    programme: programme.map((p) => ({ ...p, isSignedUp: mySignups.includes(p.id) })),
  };
}

export const MissionSlugParamsSchema = z.strictObject({ slug: z.string().min(1).max(80) });
