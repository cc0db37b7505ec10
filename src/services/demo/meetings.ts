import { setPresenceDays } from '../../db/availability.repository.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import {
  insertMeeting,
  listMeetingsOfSession,
  listParticipantsOfSession,
  updateMeetingRow,
} from '../../db/meetings.repository.ts';
import { findMissionBySlug, type MissionRow } from '../../db/missions.repository.ts';
import { insertRequest, type RequestRow } from '../../db/requests.repository.ts';
import { listSessionsOfMission } from '../../db/sessions.repository.ts';
import { seededRandom } from '../../domain/random.ts';
import { solve } from '../../scheduler/solve.ts';
import { loadMissionAvailability } from '../availability.service.ts';
import type { AppContext } from '../context.ts';
import { matchIndexOf } from '../matching.service.ts';
import { newMeetingRow } from '../meeting-row.ts';
import { buildProblem } from '../scheduling/problem-builder.ts';
import { loadSessionView, saveSession } from '../sessions.service.ts';

type Status = 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'pending';

interface DemoPlan {
  slug: string;
  session: Parameters<typeof saveSession>[3];
  /** Requests per organization of the requesting side, from its best recommendations. */
  perOrganization: number;
  statuses: [Status, number][];
  /** The event is over: meetings were held (or not). */
  isPast: boolean;
  /** Who is guaranteed a pending request addressed to them (the demo participant). */
  pendingFor?: string;
}

const DECLINE_REASONS = [
  'Notre calendrier est déjà complet ce jour-là.',
  'Not a fit for our current priorities, thank you.',
  'Nous avons déjà un partenaire sur ce sujet.',
];

/**
 * Requests in every state, availability, a B2B session and a published schedule for the demo missions:
 * made from the engine's own recommendations and the scheduler's own schedule. Skipped for a mission
 * that has a session already, so an older demo database gains them once.
 */
export async function loadDemoMeetings(ctx: AppContext, plans: DemoPlan[]): Promise<void> {
  for (const plan of plans) {
    const mission = await findMissionBySlug(ctx.db.kysely, plan.slug);
    if (!mission || (await listSessionsOfMission(ctx.db.kysely, mission.id)).length > 0) continue;
    await saveSession(ctx, undefined, plan.slug, plan.session, undefined, { asSystem: true });
    await planRequests(ctx, mission, plan);
    await publishDemoSchedule(ctx, mission, plan.isPast);
  }
}

async function planRequests(ctx: AppContext, mission: MissionRow, plan: DemoPlan) {
  const db = ctx.db.kysely;
  const [session] = await listSessionsOfMission(db, mission.id);
  const view = await loadSessionView(db, mission, session!);
  const { index, people } = await matchIndexOf(ctx, mission);
  const random = seededRandom(2026);
  // In name order, so that the same demo comes out on every machine (ids are random).
  const orgs = await db
    .selectFrom('registrations as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select(['r.organization_id', 'r.side', 'o.name'])
    .where('r.mission_id', '=', mission.id)
    .where('r.side', '=', 'delegation')
    .groupBy(['r.organization_id', 'r.side', 'o.name'])
    .orderBy('o.name')
    .execute();
  const firstSlot = Date.parse(view.slots[0]!.startsAt);
  const deadline = new Date(firstSlot - mission.request_expiry_hours * 3_600_000).toISOString();
  const pick = (): Status => {
    let r = random();
    for (const [s, p] of plan.statuses) {
      if (r < p) return s;
      r -= p;
    }
    return plan.statuses[0]![0];
  };
  await inTransaction(ctx.db, async (trx) => {
    const used = new Set<string>();
    const add = async (
      from: string,
      fromOrg: string,
      to: { personId: string },
      toOrg: string,
      status: Status,
      n: number,
    ) => {
      const key = [from, to.personId].sort().join('|');
      if (used.has(key)) return;
      used.add(key);
      // Requests of a mission still to come were sent in the weeks before today.
      const created = new Date(
        Math.min(firstSlot, Date.now() - 3 * 86_400_000) - (30 - (n % 20)) * 86_400_000,
      ).toISOString();
      const answered =
        status === 'pending' ? null : new Date(Date.parse(created) + 36 * 3_600_000).toISOString();
      const meetingId = status === 'accepted' ? newId() : null;
      if (meetingId) {
        await insertMeeting(
          trx,
          newMeetingRow({
            missionId: mission.id,
            sessionId: session!.id,
            id: meetingId,
            at: answered as string,
          }),
          [
            { meeting_id: meetingId, person_id: from, organization_id: fromOrg },
            { meeting_id: meetingId, person_id: to.personId, organization_id: toOrg },
          ],
        );
      }
      const row: RequestRow = {
        id: newId(),
        mission_id: mission.id,
        session_id: session!.id,
        requester_person_id: from,
        recipient_person_id: to.personId,
        message:
          n % 2 === 0
            ? 'Bonjour, votre offre correspond exactement à ce que nous cherchons. Pouvons-nous nous rencontrer ?'
            : 'Hello, we would love to discuss a partnership during the mission.',
        status,
        decline_reason:
          status === 'declined' ? (DECLINE_REASONS[n % DECLINE_REASONS.length] as string) : null,
        meeting_id: meetingId,
        expires_at: deadline,
        created_at: created,
        answered_at: status === 'expired' ? deadline : answered,
      };
      await insertRequest(trx, row);
    };
    let n = 0;
    for (const o of orgs) {
      const from = people.get(o.organization_id)?.[0];
      if (!from) continue;
      for (const rec of index.recommend(o.organization_id, { limit: plan.perOrganization })) {
        const to = people.get(rec.id)?.[0];
        if (to) await add(from.personId, o.organization_id, to, rec.id, pick(), n++);
      }
    }
    if (plan.pendingFor) {
      const target = await trx
        .selectFrom('people as p')
        .innerJoin('registrations as r', 'r.person_id', 'p.id')
        .select(['p.id', 'r.organization_id'])
        .where('p.email', '=', plan.pendingFor)
        .where('r.mission_id', '=', mission.id)
        .executeTakeFirst();
      if (target) {
        for (const rec of index.recommend(target.organization_id, { limit: 3 })) {
          const from = people.get(rec.id)?.[0];
          if (from)
            await add(from.personId, rec.id, { personId: target.id }, target.organization_id, 'pending', n++);
        }
      }
    }
    // Two delegates who come for the first day only, and one who leaves the second afternoon.
    const regs = await trx
      .selectFrom('registrations as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select('r.person_id')
      .where('r.mission_id', '=', mission.id)
      .orderBy('p.email')
      .limit(3)
      .execute();
    const days = view.days.map((d) => d.day);
    for (const r of regs.slice(0, 2)) await setPresenceDays(trx, mission.id, r.person_id, days.slice(0, 1));
    if (regs[2] && days[1]) {
      await trx
        .insertInto('unavailabilities')
        .values({
          id: newId(),
          mission_id: mission.id,
          person_id: regs[2].person_id,
          starts_at:
            view.slots.find((s) => s.day === days[1] && !s.isMorning)?.startsAt ??
            view.slots.at(-1)!.startsAt,
          ends_at: view.slots.at(-1)!.endsAt,
          created_at: view.slots[0]!.startsAt,
        })
        .execute();
    }
  });
}

/** Schedules the accepted meetings with the real engine and publishes; a past event gets its attendance. */
async function publishDemoSchedule(ctx: AppContext, mission: MissionRow, isPast: boolean) {
  const db: Executor = ctx.db.kysely;
  const [session] = await listSessionsOfMission(db, mission.id);
  const view = await loadSessionView(db, mission, session!);
  const meetings = await listMeetingsOfSession(db, session!.id);
  const built = buildProblem(
    view,
    meetings,
    await listParticipantsOfSession(db, session!.id),
    await loadMissionAvailability(db, mission.id),
  );
  const result = solve(built.problem, { timeLimitSeconds: 2, seed: 1 });
  const random = seededRandom(7);
  await inTransaction(ctx.db, async (trx) => {
    for (const [i, meetingId] of built.meetingIds.entries()) {
      const slot = view.slots[result.slots[i] as number];
      const table = view.tables[result.tables[i] as number];
      if (!slot || !table) {
        const reason = result.unscheduled.find((u) => u.meeting === i)?.reason ?? 'no room left';
        await updateMeetingRow(trx, meetingId, { unscheduled_reason: reason });
        continue;
      }
      const status = isPast ? (random() < 0.9 ? 'held' : 'no_show') : 'scheduled';
      await updateMeetingRow(trx, meetingId, {
        status,
        slot_index: slot.index,
        table_id: table.id,
        starts_at: slot.startsAt,
        ends_at: slot.endsAt,
      });
    }
  });
}

export const DEMO_MEETING_PLANS: DemoPlan[] = [
  {
    slug: 'marseille-miami-2025',
    session: {
      title: 'Rendez-vous B2B · Miami Beach Convention Center',
      slotMinutes: 30,
      fairness: 2,
      days: [{ day: '2025-11-18', startsAt: '09:00', endsAt: '17:30', breaks: [['12:30', '14:00']] }],
      tables: Array.from({ length: 12 }, (_, i) => ({ name: `${i + 1}`, ownerPersonId: null })),
    },
    perOrganization: 4,
    statuses: [
      ['accepted', 0.8],
      ['declined', 0.1],
      ['expired', 0.1],
    ],
    isPast: true,
  },
  {
    slug: 'marseille-miami-2026',
    session: {
      title: 'Rendez-vous B2B · Miami Beach Convention Center',
      slotMinutes: 30,
      fairness: 2,
      days: [
        { day: '2026-11-17', startsAt: '09:00', endsAt: '17:30', breaks: [['12:30', '14:00']] },
        { day: '2026-11-18', startsAt: '09:00', endsAt: '17:30', breaks: [['12:30', '14:00']] },
      ],
      tables: Array.from({ length: 16 }, (_, i) => ({ name: `${i + 1}`, ownerPersonId: null })),
    },
    perOrganization: 5,
    statuses: [
      ['accepted', 0.74],
      ['declined', 0.1],
      ['expired', 0.09],
      ['withdrawn', 0.07],
    ],
    isPast: true,
  },
  {
    slug: 'miami-marseille-2027',
    session: {
      title: 'Rendez-vous B2B · Palais du Pharo',
      slotMinutes: 30,
      fairness: 2,
      days: [
        { day: '2027-06-08', startsAt: '09:00', endsAt: '18:00', breaks: [['12:30', '14:00']] },
        { day: '2027-06-09', startsAt: '09:00', endsAt: '12:30', breaks: [] },
      ],
      tables: Array.from({ length: 10 }, (_, i) => ({
        name: `${String.fromCharCode(65 + i)}`,
        ownerPersonId: null,
      })),
    },
    perOrganization: 4,
    statuses: [
      ['accepted', 0.5],
      ['pending', 0.25],
      ['declined', 0.15],
      ['withdrawn', 0.1],
    ],
    isPast: false,
    pendingFor: 'camille.roux@calanques-medtech.example',
  },
];
