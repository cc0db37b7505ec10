import { inTransaction } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { insertLead, insertLeadHistory, type LeadRow, upsertRate } from '../../db/leads.repository.ts';
import { findMissionBySlug, type MissionRow } from '../../db/missions.repository.ts';
import { listSectorsOfOrganizations } from '../../db/organizations.repository.ts';
import { insertInvitations, insertWaves } from '../../db/surveys.repository.ts';
import { pushTo } from '../../domain/collections.ts';
import type { LeadStage, LeadType } from '../../domain/lead-schemas.ts';
import { seededRandom } from '../../domain/random.ts';
import type { AppContext } from '../context.ts';
import { hashSecret, newSecret } from '../secrets.ts';

interface LeadPlan {
  slug: string;
  /** Share of held meetings that became a lead. */
  share: number;
  stages: [LeadStage, number][];
  /** Signatures fall between these dates. */
  signedFrom: string;
  signedTo: string;
  alsoCredit?: string;
  /** Survey waves sent and answered: for the mission a year old. */
  withSurveys?: boolean;
}

const PLANS: LeadPlan[] = [
  {
    slug: 'marseille-miami-2025',
    share: 0.6,
    stages: [
      ['signed', 0.35],
      ['abandoned', 0.2],
      ['negotiation', 0.2],
      ['follow_up', 0.15],
      ['contact', 0.1],
    ],
    signedFrom: '2026-01-10',
    signedTo: '2026-10-30',
    alsoCredit: 'marseille-miami-2026',
    withSurveys: true,
  },
  {
    slug: 'marseille-miami-2026',
    share: 0.5,
    stages: [
      ['contact', 0.4],
      ['follow_up', 0.33],
      ['negotiation', 0.2],
      ['signed', 0.07],
    ],
    signedFrom: '2026-11-20',
    signedTo: '2026-11-26',
  },
];

const TYPES: LeadType[] = [
  'export_sale',
  'export_sale',
  'partnership',
  'investment',
  'rd_collaboration',
  'recruitment',
];
const ABANDON = [
  'Budget gelé chez le client',
  'Partner chose a local supplier',
  'Réglementation FDA trop longue pour l’instant',
];
const STORIES = [
  'Premier contrat américain signé six mois après la mission, grâce au rendez-vous B2B du deuxième jour.',
  'A joint R&D programme with a Miami hospital, started from a 30-minute meeting.',
  'Ouverture d’un bureau à Miami et recrutement de trois personnes sur place.',
];

const dayBetween = (from: string, to: string, r: number) => {
  const a = Date.parse(`${from}T12:00:00Z`);
  const b = Date.parse(`${to}T12:00:00Z`);
  return new Date(a + Math.floor(r * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
};

/** Leads from the demo's held meetings, each with a history, so the dashboard has content at once. */
export async function loadDemoLeads(ctx: AppContext): Promise<void> {
  for (const plan of PLANS) {
    const mission = await findMissionBySlug(ctx.db.kysely, plan.slug);
    if (!mission) continue;
    // Leads that started in this mission (others may only credit it).
    const own = await ctx.db.kysely
      .selectFrom('leads')
      .select('id')
      .where('mission_id', '=', mission.id)
      .limit(1)
      .execute();
    if (own.length > 0) continue;
    const credit = plan.alsoCredit ? await findMissionBySlug(ctx.db.kysely, plan.alsoCredit) : undefined;
    await leadsOf(ctx, mission, plan, credit);
    if (plan.withSurveys) await surveysOf(ctx, mission);
  }
}

/** The survey waves of a past mission, sent when they fell due, about two in three answered. */
async function surveysOf(ctx: AppContext, mission: MissionRow) {
  const db = ctx.db.kysely;
  const today = new Date().toISOString().slice(0, 10);
  const random = seededRandom(31);
  const people = await db
    .selectFrom('meeting_participants as mp')
    .innerJoin('meetings as m', 'm.id', 'mp.meeting_id')
    .select('mp.person_id')
    .distinct()
    .where('m.mission_id', '=', mission.id)
    .where('m.status', '=', 'held')
    .orderBy('mp.person_id')
    .execute();
  await inTransaction(ctx.db, async (trx) => {
    for (const offset of [7, 182, 365]) {
      const due = new Date(Date.parse(`${mission.ends_on}T09:00:00Z`) + offset * 86_400_000).toISOString();
      const sent = due.slice(0, 10) <= today;
      const waveId = newId();
      await insertWaves(trx, [
        {
          id: waveId,
          mission_id: mission.id,
          offset_days: offset,
          sent_at: sent ? due : null,
          created_at: due,
        },
      ]);
      if (!sent) continue;
      await insertInvitations(
        trx,
        people.map((p) => ({
          id: newId(),
          wave_id: waveId,
          person_id: p.person_id,
          // Demo links are never mailed: a random hash nobody holds the token of.
          token_hash: hashSecret(newSecret()),
          sent_at: due,
          reminded_at: random() < 0.5 ? due : null,
          answered_at: random() < 0.65 ? due : null,
        })),
      );
    }
  });
}

async function leadsOf(ctx: AppContext, mission: MissionRow, plan: LeadPlan, credit: MissionRow | undefined) {
  const db = ctx.db.kysely;
  const random = seededRandom(mission.starts_on.length * 97 + Number(mission.starts_on.slice(0, 4)));
  const held = await db
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
    .innerJoin('registrations as r', (j) =>
      j.onRef('r.person_id', '=', 'mp.person_id').on('r.mission_id', '=', mission.id),
    )
    .select(['m.id', 'm.starts_at', 'mp.person_id', 'mp.organization_id', 'r.side'])
    .innerJoin('organizations as o', 'o.id', 'mp.organization_id')
    .leftJoin('b2b_tables as t', 't.id', 'm.table_id')
    .where('m.mission_id', '=', mission.id)
    .where('m.status', '=', 'held')
    // Meetings in time, then table order, so that the demo draws the same leads on every machine.
    .orderBy('m.starts_at')
    .orderBy('t.position')
    .orderBy('o.name')
    .execute();
  const byMeeting = new Map<string, typeof held>();
  for (const h of held) pushTo(byMeeting, h.id, h);
  const inCredit = credit
    ? new Set(
        (
          await db
            .selectFrom('registrations')
            .select('organization_id')
            .where('mission_id', '=', credit.id)
            .execute()
        ).map((r) => r.organization_id),
      )
    : new Set<string>();
  const names = new Map(
    (await db.selectFrom('organizations').select(['id', 'name']).execute()).map((o) => [o.id, o.name]),
  );
  const stageOf = () => {
    let r = random();
    for (const [s, p] of plan.stages) {
      if (r < p) return s;
      r -= p;
    }
    return plan.stages[0]![0];
  };
  await inTransaction(ctx.db, async (trx) => {
    for (const currency of ['USD', 'CAD']) {
      await upsertRate(trx, {
        mission_id: mission.id,
        currency,
        rate: currency === 'USD' ? 0.92 : 0.68,
        recorded_on: mission.ends_on,
      });
    }
    let storyCount = 0;
    for (const [meetingId, people] of byMeeting) {
      if (random() >= plan.share) continue;
      const owner = people.find((p) => p.side === 'delegation') ?? people[0]!;
      const others = people.filter((p) => p.organization_id !== owner.organization_id);
      const sectors = await listSectorsOfOrganizations(
        trx,
        people.map((p) => p.organization_id),
      );
      const own = sectors.get(owner.organization_id) ?? [];
      const sector =
        own.find((s) => others.some((o) => (sectors.get(o.organization_id) ?? []).includes(s))) ??
        own[0] ??
        null;
      const stage = stageOf();
      const type = TYPES[Math.floor(random() * TYPES.length)]!;
      const amount = type === 'recruitment' ? null : Math.round((20 + random() * 480) * 1000);
      const usd = random() < 0.6;
      const signedOn = stage === 'signed' ? dayBetween(plan.signedFrom, plan.signedTo, random()) : null;
      const confirmed = stage === 'signed' && random() < 0.5;
      const story =
        stage === 'signed' && storyCount < STORIES.length && random() < 0.4 ? STORIES[storyCount++]! : '';
      const met = (people[0]!.starts_at ?? `${mission.ends_on}T12:00:00.000Z`).slice(0, 10);
      const created = `${dayBetween(met, met, 0)}T18:00:00.000Z`;
      const lead: LeadRow = {
        id: newId(),
        mission_id: mission.id,
        owner_organization_id: owner.organization_id,
        owner_person_id: owner.person_id,
        title: others.map((o) => names.get(o.organization_id)).join(' · ') || 'Suite du rendez-vous',
        type,
        stage,
        abandon_reason: stage === 'abandoned' ? ABANDON[Math.floor(random() * ABANDON.length)]! : null,
        sector_code: sector,
        side: owner.side,
        amount,
        currency: amount === null ? null : usd ? 'USD' : 'EUR',
        jobs_projected: Math.floor(random() * 6),
        jobs_actual: stage === 'signed' ? Math.floor(random() * 4) : null,
        next_action:
          stage === 'signed' || stage === 'abandoned' ? '' : 'Envoyer la proposition / send the proposal',
        next_action_due:
          stage === 'signed' || stage === 'abandoned'
            ? null
            : dayBetween('2026-12-01', '2027-01-31', random()),
        notes: 'Notes internes : interlocuteur très intéressé, budget à confirmer.',
        evidence: confirmed ? 'confirmed' : 'declared',
        evidence_note: confirmed ? `Bon de commande reçu le ${signedOn}` : '',
        counterfactual:
          stage === 'signed' ? (['no', 'partly', 'no', 'yes'] as const)[Math.floor(random() * 4)]! : null,
        signed_on: signedOn,
        story,
        story_public: story ? 1 : 0,
        created_at: created,
        updated_at: signedOn ? `${signedOn}T10:00:00.000Z` : created,
      };
      const missionIds = [mission.id];
      if (credit && inCredit.has(owner.organization_id) && random() < 0.3) missionIds.push(credit.id);
      await insertLead(trx, lead, {
        organizationIds: people.map((p) => p.organization_id),
        meetingIds: [meetingId],
        missionIds,
      });
      const steps: Record<string, unknown>[] = [
        { created: { stage: 'contact', title: lead.title, meetings: 1 } },
      ];
      if (stage !== 'contact')
        steps.push({ stage: ['contact', stage === 'abandoned' ? 'follow_up' : stage] });
      if (stage === 'abandoned')
        steps.push({ stage: ['follow_up', 'abandoned'], abandonReason: [null, lead.abandon_reason] });
      if (stage === 'signed')
        steps.push({
          amount: [null, lead.amount],
          jobsActual: [null, lead.jobs_actual],
          signedOn: [null, signedOn],
        });
      const end = Date.parse(lead.updated_at);
      const start = Date.parse(created);
      await insertLeadHistory(
        trx,
        steps.map((changes, i) => ({
          id: newId(),
          lead_id: lead.id,
          at: new Date(start + ((end - start) * i) / Math.max(1, steps.length - 1)).toISOString(),
          user_id: null,
          source: i > 0 && random() < 0.4 ? 'survey' : 'demo',
          changes: JSON.stringify(changes),
        })),
      );
    }
  });
}
