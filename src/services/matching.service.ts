import { insertAuditEntries } from '../db/audit.repository.ts';
import { inTransaction } from '../db/database.ts';
import { type MissionRow, updateMissionSettings } from '../db/missions.repository.ts';
import { listMatchingData } from '../db/organizations.repository.ts';
import { listBlocksOfPerson } from '../db/requests.repository.ts';
import { pushTo } from '../domain/collections.ts';
import type { Language, Side } from '../domain/enums.ts';
import { AppError, forbidden } from '../domain/errors.ts';
import {
  DEFAULT_WEIGHTS,
  type MatchProfile,
  type MatchWeights,
  type Recommendation,
} from '../matching/profile.ts';
import { MatchIndex } from '../matching/recommend.ts';
import { type Actor, requireRole } from './actor.ts';
import type { AppContext } from './context.ts';
import { findMissionOrThrow } from './missions.service.ts';

interface CachedIndex {
  key: string;
  index: MatchIndex;
  people: Map<string, { personId: string; name: string; title: string }[]>;
}

/** One engine per mission, rebuilt when the directory or the weights change (several processes stay right). */
const cache = new Map<string, CachedIndex>();

export function missionWeights(mission: MissionRow): MatchWeights {
  return { ...DEFAULT_WEIGHTS, ...(JSON.parse(mission.matching_weights) as Partial<MatchWeights>) };
}

export async function matchIndexOf(ctx: AppContext, mission: MissionRow): Promise<CachedIndex> {
  const key = `${mission.directory_version}|${mission.matching_weights}`;
  const hit = cache.get(mission.id);
  if (hit?.key === key) return hit;
  const data = await listMatchingData(ctx.db.kysely, mission.id);
  const sectors = new Map<string, string[]>();
  for (const s of data.sectors) pushTo(sectors, s.organization_id, s.sector_code);
  const opps = new Map<string, { kind: string; text: string; language: Language }[]>();
  for (const o of data.opportunities) {
    opps.set(o.organization_id, [
      ...(opps.get(o.organization_id) ?? []),
      { kind: o.kind, text: o.text, language: o.language as Language },
    ]);
  }
  const profiles: MatchProfile[] = data.orgs.map((o) => {
    const own = opps.get(o.id) ?? [];
    return {
      id: o.id,
      name: o.name,
      side: o.side as Side,
      sectors: sectors.get(o.id) ?? [],
      country: o.country.toLowerCase(),
      targetCountries: (JSON.parse(o.target_countries) as string[]).map((c) => c.toLowerCase()),
      description: { text: o.description, language: o.description_language as Language },
      offers: own.filter((x) => x.kind === 'offer'),
      requests: own.filter((x) => x.kind === 'request'),
    };
  });
  const people = new Map<string, { personId: string; name: string; title: string }[]>();
  for (const p of data.people) {
    people.set(p.organization_id, [
      ...(people.get(p.organization_id) ?? []),
      { personId: p.id, name: `${p.first_name} ${p.last_name}`, title: p.title },
    ]);
  }
  const built = { key, index: new MatchIndex(profiles, missionWeights(mission)), people };
  cache.set(mission.id, built);
  return built;
}

export interface RecommendationView extends Recommendation {
  people: { personId: string; name: string; title: string }[];
}

/** Counterparts for an organization of a mission, best first, without checking who asks (CLI, benches). */
export async function recommendForOrganization(
  ctx: AppContext,
  mission: MissionRow,
  organizationId: string,
  options: { limit: number; includeSameSide: boolean; exclude?: ReadonlySet<string> },
): Promise<RecommendationView[]> {
  const { index, people } = await matchIndexOf(ctx, mission);
  if (!index.has(organizationId)) {
    throw new AppError('validation_failed', 'This organization is not in the mission', [
      { field: 'organization', reason: 'not registered in this mission' },
    ]);
  }
  return index.recommend(organizationId, options).map((r) => ({ ...r, people: people.get(r.id) ?? [] }));
}

/**
 * A participant's recommendations (their own organization's, without the people they blocked);
 * organizers may ask for any organization of the mission. Officials read none.
 */
export async function recommendationsFor(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  query: { organizationId?: string | undefined; limit: number; includeSameSide: boolean },
): Promise<RecommendationView[]> {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  const a = actor as Actor;
  const organizationId = query.organizationId ?? a.organizationId;
  if (!organizationId) throw forbidden('You belong to no organization of this mission');
  if (role !== 'organizer' && organizationId !== a.organizationId)
    throw forbidden('Only your own organization’s recommendations');
  const blocked = a.personId ? await listBlocksOfPerson(ctx.db.kysely, mission.id, a.personId) : [];
  return recommendForOrganization(ctx, mission, organizationId, {
    limit: query.limit,
    includeSameSide: query.includeSameSide,
    exclude: new Set(blocked.map((b) => b.organization_id)),
  });
}

export async function getMatchingSettings(ctx: AppContext, actor: Actor | undefined, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  return present(mission);
}

const present = (m: MissionRow) => ({
  weights: missionWeights(m),
  requestExpiryHours: m.request_expiry_hours,
  maxPendingRequests: m.max_pending_requests,
});

/** Organizers weigh the recommendation signals and set the request rules of their mission. */
export async function updateMatchingSettings(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  input: {
    weights?: { [K in keyof MatchWeights]?: number | undefined } | undefined;
    requestExpiryHours?: number | undefined;
    maxPendingRequests?: number | undefined;
  },
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  const weights = { ...missionWeights(mission) };
  for (const [k, v] of Object.entries(input.weights ?? {}))
    if (v !== undefined) weights[k as keyof MatchWeights] = v;
  if (Object.values(weights).every((w) => w === 0)) {
    throw new AppError('validation_failed', 'At least one signal must count', [
      { field: 'weights', reason: 'all zero' },
    ]);
  }
  const patch = {
    matching_weights: JSON.stringify(weights),
    request_expiry_hours: input.requestExpiryHours ?? mission.request_expiry_hours,
    max_pending_requests: input.maxPendingRequests ?? mission.max_pending_requests,
  };
  await inTransaction(ctx.db, async (trx) => {
    await updateMissionSettings(trx, mission.id, patch);
    await insertAuditEntries(trx, [
      {
        userId: actor?.userId ?? null,
        missionId: mission.id,
        entity: 'mission',
        entityId: mission.id,
        action: 'update',
        changes: patch,
      },
    ]);
  });
  return present({ ...mission, ...patch });
}
