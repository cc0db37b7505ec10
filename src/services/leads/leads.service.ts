import { type Executor, inTransaction } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import {
  findLead,
  insertLead,
  insertLeadHistory,
  type LeadRow,
  listLeadHistory,
  listLeadLinks,
  listLeadsOfMission,
  listRatesOfMission,
  replaceLeadLinks,
  updateLeadRow,
} from '../../db/leads.repository.ts';
import { findMeeting, listParticipantDetails } from '../../db/meetings.repository.ts';
import { findMissionBySlug, type MissionRow } from '../../db/missions.repository.ts';
import { findOrganizationInMission, listSectorsOfOrganizations } from '../../db/organizations.repository.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import type { CreateLeadInput, UpdateLeadInput } from '../../domain/lead-schemas.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { findMissionOrThrow } from '../missions.service.ts';

const invalid = (field: string, reason: string, message = 'Invalid lead') =>
  new AppError('validation_failed', message, [{ field, reason }]);

/** Field names of the API and their columns, in the order the history shows them. */
const COLUMNS = {
  title: 'title',
  type: 'type',
  stage: 'stage',
  abandonReason: 'abandon_reason',
  sectorCode: 'sector_code',
  amount: 'amount',
  currency: 'currency',
  jobsProjected: 'jobs_projected',
  jobsActual: 'jobs_actual',
  nextAction: 'next_action',
  nextActionDue: 'next_action_due',
  notes: 'notes',
  counterfactual: 'counterfactual',
  signedOn: 'signed_on',
  story: 'story',
  storyPublic: 'story_public',
  evidence: 'evidence',
  evidenceNote: 'evidence_note',
} as const satisfies Record<string, keyof LeadRow>;
type Field = keyof typeof COLUMNS;

const today = () => new Date().toISOString().slice(0, 10);

/** Who may open leads in a mission: organizers, and participants for their own organization. Officials never. */
function requireLeadReader(
  actor: Actor | undefined,
  mission: MissionRow,
): { role: 'organizer' | 'participant'; organizationId: string | null } {
  const role = requireRole(actor, mission.id, ['organizer', 'participant']) as 'organizer' | 'participant';
  return { role, organizationId: actor?.organizationId ?? null };
}

async function checkMoney(db: Executor, mission: MissionRow, currency: string | null | undefined) {
  if (!currency || currency === mission.reporting_currency) return;
  const rates = await listRatesOfMission(db, mission.id);
  if (!rates.some((r) => r.currency === currency)) {
    throw invalid(
      'currency',
      `no exchange rate to ${mission.reporting_currency} is recorded for ${currency} in this mission`,
    );
  }
}

/** Rules every saved lead follows, whoever writes it. */
function checkRules(lead: LeadRow, role: 'organizer' | 'participant', before?: LeadRow) {
  if (lead.stage === 'abandoned' && !lead.abandon_reason)
    throw invalid('abandonReason', 'an abandoned lead says why');
  if (lead.amount !== null && !lead.currency) throw invalid('currency', 'an amount needs its currency');
  if (
    lead.evidence === 'confirmed' &&
    (before?.evidence !== 'confirmed' || before.evidence_note !== lead.evidence_note)
  ) {
    if (role !== 'organizer') throw forbidden('Only organizers confirm an outcome');
    if (!lead.evidence_note) throw invalid('evidenceNote', 'a confirmed outcome names its document or date');
  }
}

async function historyRow(
  lead: LeadRow,
  actor: Actor | undefined,
  changes: Record<string, unknown>,
  source = 'web',
) {
  return {
    id: newId(),
    lead_id: lead.id,
    at: nowIso(),
    user_id: actor?.userId ?? null,
    source,
    changes: JSON.stringify(changes),
  };
}

/**
 * A lead, by hand or from held meetings (the first prefills title, parties and sector). The caller's
 * organization owns it; organizers create one for any organization of the mission.
 */
export async function createLead(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  input: CreateLeadInput,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const { role, organizationId } = requireLeadReader(actor, mission);
  const db = ctx.db.kysely;
  const ownerId = role === 'organizer' ? (input.ownerOrganizationId ?? organizationId) : organizationId;
  if (role !== 'organizer' && input.ownerOrganizationId && input.ownerOrganizationId !== organizationId) {
    throw forbidden('Only organizers create leads for another organization');
  }
  const owner = ownerId ? await findOrganizationInMission(db, mission.id, ownerId) : undefined;
  if (!owner) throw invalid('ownerOrganizationId', 'not an organization of this mission');
  const parties = new Set([owner.id]);
  const others: string[] = [];
  for (const [i, id] of input.meetingIds.entries()) {
    const meeting = await findMeeting(db, mission.id, id);
    if (!meeting) throw invalid(`meetingIds.${i}`, 'not a meeting of this mission');
    if (meeting.status !== 'held')
      throw invalid(`meetingIds.${i}`, `a lead comes from a held meeting; this one is ${meeting.status}`);
    const people = await listParticipantDetails(db, [meeting.id]);
    if (!people.some((p) => p.organization_id === owner.id))
      throw invalid(`meetingIds.${i}`, 'the organization did not take part in it');
    for (const p of people) {
      if (!parties.has(p.organization_id)) others.push(p.organization_name);
      parties.add(p.organization_id);
    }
  }
  for (const [i, id] of input.partnerOrganizationIds.entries()) {
    if (!(await findOrganizationInMission(db, mission.id, id)))
      throw invalid(`partnerOrganizationIds.${i}`, 'not an organization of this mission');
    parties.add(id);
  }
  const missionIds = [mission.id];
  for (const [i, s] of input.missionSlugs.entries()) {
    const other = await findMissionBySlug(db, s);
    if (!other || !(await findOrganizationInMission(db, other.id, owner.id))) {
      throw invalid(`missionSlugs.${i}`, 'no such mission with this organization');
    }
    missionIds.push(other.id);
  }
  await checkMoney(db, mission, input.currency);
  const sectors = await listSectorsOfOrganizations(db, [...parties]);
  const ownSectors = sectors.get(owner.id) ?? [];
  const shared = ownSectors.find((s) =>
    [...parties].some((p) => p !== owner.id && (sectors.get(p) ?? []).includes(s)),
  );
  const now = nowIso();
  const stage = input.stage;
  const lead: LeadRow = {
    id: newId(),
    mission_id: mission.id,
    owner_organization_id: owner.id,
    owner_person_id: actor?.personId ?? null,
    title: input.title ?? (others.length > 0 ? [...new Set(others)].join(' · ') : owner.name),
    type: input.type,
    stage,
    abandon_reason: input.abandonReason ?? null,
    sector_code: input.sectorCode ?? shared ?? ownSectors[0] ?? null,
    side: owner.side,
    amount: input.amount ?? null,
    currency:
      input.currency ??
      (input.amount !== undefined && input.amount !== null ? mission.reporting_currency : null),
    jobs_projected: input.jobsProjected ?? null,
    jobs_actual: input.jobsActual ?? null,
    next_action: input.nextAction ?? '',
    next_action_due: input.nextActionDue ?? null,
    notes: input.notes ?? '',
    evidence: input.evidence ?? 'declared',
    evidence_note: input.evidenceNote ?? '',
    counterfactual: input.counterfactual ?? null,
    signed_on: input.signedOn ?? (stage === 'signed' ? today() : null),
    story: input.story ?? '',
    story_public: input.storyPublic ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  checkRules(lead, role);
  await inTransaction(ctx.db, async (trx) => {
    await insertLead(trx, lead, { organizationIds: [...parties], meetingIds: input.meetingIds, missionIds });
    await insertLeadHistory(trx, [
      await historyRow(lead, actor, {
        created: { stage: lead.stage, title: lead.title, meetings: input.meetingIds.length },
      }),
    ]);
  });
  return getLead(ctx, actor, slug, lead.id);
}

/** Changes a lead; every changed field goes to its history (who, when, before, after). */
export async function updateLead(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  id: string,
  input: UpdateLeadInput,
  source = 'web',
) {
  const { mission, lead, role } = await loadVisibleLead(ctx, actor, slug, id);
  const next: LeadRow = { ...lead };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [field, column] of Object.entries(COLUMNS) as [Field, keyof LeadRow][]) {
    const value = input[field];
    if (value === undefined) continue;
    const stored = field === 'storyPublic' ? (value ? 1 : 0) : value;
    if (lead[column] !== stored) {
      changes[field] = [lead[column], stored];
      (next as Record<string, unknown>)[column] = stored;
    }
  }
  if (next.stage === 'signed' && !next.signed_on) {
    next.signed_on = today();
    changes.signedOn = [lead.signed_on, next.signed_on];
  }
  if (next.amount !== null && !next.currency) next.currency = mission.reporting_currency;
  if (input.currency !== undefined) await checkMoney(ctx.db.kysely, mission, input.currency);
  checkRules(next, role, lead);
  if (Object.keys(changes).length === 0 && !input.meetingIds) return getLead(ctx, actor, slug, id);
  next.updated_at = nowIso();
  await inTransaction(ctx.db, async (trx) => {
    await updateLeadRow(trx, id, next);
    if (input.meetingIds) await replaceLeadLinks(trx, id, { meetingIds: input.meetingIds });
    await insertLeadHistory(trx, [
      await historyRow(
        next,
        actor,
        { ...changes, ...(input.meetingIds ? { meetings: input.meetingIds.length } : {}) },
        source,
      ),
    ]);
  });
  return getLead(ctx, actor, slug, id);
}

async function loadVisibleLead(ctx: AppContext, actor: Actor | undefined, slug: string, id: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  const { role, organizationId } = requireLeadReader(actor, mission);
  const lead = await findLead(ctx.db.kysely, id);
  if (!lead) throw notFound('Lead');
  const links = await listLeadLinks(ctx.db.kysely, [id]);
  const credited = links.missions.some((m) => m.mission_id === mission.id);
  const isParty = links.organizations.some((o) => o.organization_id === organizationId);
  // A lead another company keeps is not even acknowledged.
  if (!credited || (role !== 'organizer' && !isParty)) throw notFound('Lead');
  return { mission, lead, role, links };
}

export async function getLead(ctx: AppContext, actor: Actor | undefined, slug: string, id: string) {
  const { lead, links } = await loadVisibleLead(ctx, actor, slug, id);
  const history = await listLeadHistory(ctx.db.kysely, id);
  return {
    ...presentLead(lead, links),
    history: history.map((h) => ({
      at: h.at,
      by: h.display_name ?? null,
      source: h.source,
      changes: JSON.parse(h.changes),
    })),
  };
}

/** The leads of the caller's organization in a mission (organizers: all of them), newest change first. */
export async function listLeads(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  query: { stage?: string | undefined },
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const { role, organizationId } = requireLeadReader(actor, mission);
  if (role !== 'organizer' && !organizationId) return [];
  const rows = (
    await listLeadsOfMission(
      ctx.db.kysely,
      mission.id,
      role === 'organizer' ? undefined : (organizationId as string),
    )
  ).filter((l) => !query.stage || l.stage === query.stage);
  const links = await listLeadLinks(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentLead(r, links));
}

function presentLead(l: LeadRow, links: Awaited<ReturnType<typeof listLeadLinks>>) {
  return {
    id: l.id,
    title: l.title,
    type: l.type,
    stage: l.stage,
    abandonReason: l.abandon_reason,
    sectorCode: l.sector_code,
    side: l.side,
    ownerOrganizationId: l.owner_organization_id,
    amount: l.amount,
    currency: l.currency,
    jobsProjected: l.jobs_projected,
    jobsActual: l.jobs_actual,
    nextAction: l.next_action,
    nextActionDue: l.next_action_due,
    notes: l.notes,
    evidence: l.evidence,
    evidenceNote: l.evidence_note,
    counterfactual: l.counterfactual,
    signedOn: l.signed_on,
    story: l.story,
    storyPublic: l.story_public === 1,
    organizations: links.organizations
      .filter((o) => o.lead_id === l.id)
      .map((o) => ({ id: o.organization_id, name: o.name })),
    meetingIds: links.meetings.filter((m) => m.lead_id === l.id).map((m) => m.meeting_id),
    missions: links.missions.filter((m) => m.lead_id === l.id).map((m) => ({ slug: m.slug, title: m.title })),
    updatedAt: l.updated_at,
  };
}
