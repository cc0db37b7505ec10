import { insertAuditEntries } from '../db/audit.repository.ts';
import { type Executor, inTransaction } from '../db/database.ts';
import { nowIso } from '../db/ids.ts';
import {
  addMeetingParticipant,
  findMeeting,
  findMeetingByCheckInCode,
  findOpenMeetingBetween,
  insertMeeting,
  listMeetingsOfMission,
  listMeetingsOfPeople,
  listParticipantDetails,
  listParticipantsOfSession,
  type MeetingRow,
  type ParticipantDetail,
  updateMeetingRow,
} from '../db/meetings.repository.ts';
import { findMissionById } from '../db/missions.repository.ts';
import { deleteBlock, insertBlock, listBlocksOfPerson } from '../db/requests.repository.ts';
import { findSession, listTablesOfSession } from '../db/sessions.repository.ts';
import { pushTo } from '../domain/collections.ts';
import { AppError, forbidden, notFound } from '../domain/errors.ts';
import { isAvailable } from '../domain/slots.ts';
import type { MeetingView } from '../domain/views.ts';
import { type Actor, requireRole } from './actor.ts';
import { auditChange } from './audit.ts';
import { loadMissionAvailability } from './availability.service.ts';
import type { AppContext } from './context.ts';
import { newMeetingRow } from './meeting-row.ts';
import { findMissionOrThrow } from './missions.service.ts';
import type { AgendaChange } from './notifications/messages.ts';
import { deliverNow, queueNotifications } from './notifications/notify.service.ts';
import { type Participant, requireOtherParticipant, requireParticipant } from './participant.ts';
import { loadSessionView, resolveSession } from './sessions.service.ts';

export const MAX_MEETING_SIZE = 4;
const OPEN = ['unscheduled', 'scheduled'];

/** Meetings with their participants and table names; check-in codes only for organizers. */
export async function presentMeetings(
  db: Executor,
  meetings: MeetingRow[],
  withCodes: boolean,
): Promise<MeetingView[]> {
  const details = await listParticipantDetails(
    db,
    meetings.map((m) => m.id),
  );
  const bySession = new Map<string, Map<string, string>>();
  for (const sid of new Set(meetings.map((m) => m.session_id))) {
    bySession.set(sid, new Map((await listTablesOfSession(db, sid)).map((t) => [t.id, t.name])));
  }
  const people = new Map<string, ParticipantDetail[]>();
  for (const d of details) pushTo(people, d.meeting_id, d);
  return meetings.map((m) => ({
    id: m.id,
    sessionId: m.session_id,
    status: m.status,
    mustMeet: m.must_meet === 1,
    slotIndex: m.slot_index,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    table: m.table_id ? { id: m.table_id, name: bySession.get(m.session_id)?.get(m.table_id) ?? '' } : null,
    sequence: m.sequence,
    unscheduledReason: m.unscheduled_reason,
    participants: (people.get(m.id) ?? []).map((p) => ({
      personId: p.person_id,
      name: `${p.first_name} ${p.last_name}`,
      organizationId: p.organization_id,
      organization: p.organization_name,
    })),
    ...(withCodes ? { checkInCode: m.check_in_code } : {}),
  }));
}

/**
 * Meetings of the mission: organizers see all; a participant sees those of their organization
 * (their colleagues' too: an organization plans its delegation together); officials see none.
 */
export async function listMeetings(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
): Promise<MeetingView[]> {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  const db = ctx.db.kysely;
  if (role === 'organizer') return presentMeetings(db, await listMeetingsOfMission(db, mission.id), true);
  const me = await requireParticipant(db, actor, mission);
  const colleagues = await db
    .selectFrom('registrations')
    .select('person_id')
    .where('mission_id', '=', mission.id)
    .where('organization_id', '=', me.organization_id)
    .execute();
  const rows = await listMeetingsOfPeople(
    db,
    mission.id,
    colleagues.map((c) => c.person_id),
  );
  return presentMeetings(db, rows, false);
}

/** Organizers create a meeting of 2 to 4 registered people directly, must-meet if they say so. */
export async function createMeeting(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  input: { personIds: string[]; mustMeet: boolean; sessionId?: string | undefined },
): Promise<MeetingView> {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  const db = ctx.db.kysely;
  const people: Participant[] = [];
  for (const [i, id] of input.personIds.entries())
    people.push(await requireOtherParticipant(db, mission, id, `personIds.${i}`));
  const session = await resolveSession(db, mission, input.sessionId);
  if (people.length === 2 && (await findOpenMeetingBetween(db, session.id, people[0]!.id, people[1]!.id))) {
    throw new AppError('conflict', 'These two already have a meeting', [
      { field: 'personIds', reason: 'duplicate meeting' },
    ]);
  }
  const row = newMeetingRow({
    missionId: mission.id,
    sessionId: session.id,
    mustMeet: input.mustMeet,
    createdBy: actor?.userId ?? null,
  });

  await inTransaction(ctx.db, async (trx) => {
    await insertMeeting(
      trx,
      row,
      people.map((p) => ({ meeting_id: row.id, person_id: p.id, organization_id: p.organization_id })),
    );
    await auditChange(trx, actor, mission.id, 'meeting', row.id, 'create', {
      people: input.personIds,
      mustMeet: input.mustMeet,
    });
  });
  return (await presentMeetings(db, [row], true))[0] as MeetingView;
}

async function loadMeetingFor(ctx: AppContext, actor: Actor | undefined, slug: string, meetingId: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  const meeting = await findMeeting(ctx.db.kysely, mission.id, meetingId);
  if (!meeting) throw notFound('Meeting');
  const participants = await listParticipantDetails(ctx.db.kysely, [meeting.id]);
  const isParticipant = participants.some((p) => p.person_id === actor?.personId);
  if (role !== 'organizer' && !isParticipant) {
    const sameOrg = participants.some((p) => p.organization_id === actor?.organizationId);
    if (!sameOrg) throw notFound('Meeting');
  }
  return { mission, role, meeting, participants, isParticipant };
}

/**
 * A delegate joins the meeting a colleague already has with a counterpart, instead of booking the
 * counterpart twice (up to 4 participants). Everyone already in it is told if it was on their agenda.
 */
export async function joinMeeting(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  meetingId: string,
) {
  const { mission, meeting, participants } = await loadMeetingFor(ctx, actor, slug, meetingId);
  const me = await requireParticipant(ctx.db.kysely, actor, mission);
  if (!participants.some((p) => p.organization_id === me.organization_id))
    throw forbidden('Only a colleague of a participant joins');
  if (participants.some((p) => p.person_id === me.id))
    throw new AppError('conflict', 'You are already in this meeting', [
      { field: 'meetingId', reason: 'already in' },
    ]);
  if (!OPEN.includes(meeting.status))
    throw new AppError('conflict', `This meeting is ${meeting.status}`, [
      { field: 'status', reason: meeting.status },
    ]);
  if (participants.length >= MAX_MEETING_SIZE) {
    throw new AppError('conflict', `A meeting has at most ${MAX_MEETING_SIZE} participants`, [
      { field: 'participants', reason: 'full' },
    ]);
  }
  if (meeting.slot_index !== null) {
    const busy = await listMeetingsOfPeople(ctx.db.kysely, mission.id, [me.id]);
    if (
      busy.some(
        (m) =>
          m.slot_index === meeting.slot_index &&
          m.session_id === meeting.session_id &&
          OPEN.includes(m.status),
      )
    ) {
      throw new AppError('conflict', 'You have another meeting at that time', [
        { field: 'slotIndex', reason: 'busy' },
      ]);
    }
  }
  await inTransaction(ctx.db, async (trx) => {
    await addMeetingParticipant(trx, {
      meeting_id: meeting.id,
      person_id: me.id,
      organization_id: me.organization_id,
    });
    if (meeting.status === 'scheduled')
      await updateMeetingRow(trx, meeting.id, { sequence: meeting.sequence + 1, updated_at: nowIso() });
    await auditChange(trx, actor, mission.id, 'meeting', meeting.id, 'update', { joined: me.id });
  });
  return (
    await presentMeetings(
      ctx.db.kysely,
      [(await findMeeting(ctx.db.kysely, mission.id, meeting.id)) as MeetingRow],
      false,
    )
  )[0];
}

/** A participant or an organizer cancels a meeting; if it was on agendas, the others are told. */
export async function cancelMeeting(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  meetingId: string,
) {
  const { mission, role, meeting, participants, isParticipant } = await loadMeetingFor(
    ctx,
    actor,
    slug,
    meetingId,
  );
  if (role !== 'organizer' && !isParticipant)
    throw forbidden('Only its participants or an organizer cancel a meeting');
  if (!OPEN.includes(meeting.status))
    throw new AppError('conflict', `This meeting is ${meeting.status}`, [
      { field: 'status', reason: meeting.status },
    ]);
  const wasScheduled = meeting.status === 'scheduled';
  const ids = await inTransaction(ctx.db, async (trx) => {
    await updateMeetingRow(trx, meeting.id, {
      status: 'cancelled',
      sequence: meeting.sequence + (wasScheduled ? 1 : 0),
      updated_at: nowIso(),
    });
    await auditChange(trx, actor, mission.id, 'meeting', meeting.id, 'cancel', {});
    if (!wasScheduled) return [];
    return queueNotifications(
      trx,
      mission.id,
      participants
        .filter((p) => p.person_id !== actor?.personId)
        .map((p) => ({
          personId: p.person_id,
          payload: {
            kind: 'agenda_changed' as const,
            changes: [changeFor(p, participants, meeting.starts_at, null, null, true)],
          },
        })),
    );
  });
  await deliverNow(ctx, ids);
  return { id: meeting.id, status: 'cancelled' };
}

export function changeFor(
  viewer: ParticipantDetail,
  participants: ParticipantDetail[],
  before: string | null,
  after: string | null,
  table: string | null,
  cancelled: boolean,
): AgendaChange {
  const others = participants.filter((p) => p.organization_id !== viewer.organization_id);
  const names = [...new Set((others.length > 0 ? others : participants).map((p) => p.organization_name))];
  return { with: names.join(', '), before, after, table, cancelled };
}

/**
 * Organizers move a published meeting to another slot and table. Refused with the reason when a
 * participant is busy or unavailable then, or the table is taken. The calendar sequence goes up and
 * every participant is told.
 */
export async function moveMeeting(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  meetingId: string,
  input: { slotIndex: number; tableId: string },
) {
  const { mission, role, meeting, participants } = await loadMeetingFor(ctx, actor, slug, meetingId);
  if (role !== 'organizer') throw forbidden('Only organizers move meetings');
  if (!OPEN.includes(meeting.status))
    throw new AppError('conflict', `This meeting is ${meeting.status}`, [
      { field: 'status', reason: meeting.status },
    ]);
  const db = ctx.db.kysely;
  const session = await loadSessionView(
    db,
    mission,
    (await findSession(db, mission.id, meeting.session_id))!,
  );
  const slot = session.slots[input.slotIndex];
  if (!slot)
    throw new AppError('validation_failed', 'No such slot', [
      { field: 'slotIndex', reason: `between 0 and ${session.slots.length - 1}` },
    ]);
  const table = session.tables.find((t) => t.id === input.tableId);
  if (!table)
    throw new AppError('validation_failed', 'No such table', [
      { field: 'tableId', reason: 'not a table of this session' },
    ]);
  const all = (await listMeetingsOfMission(db, mission.id)).filter(
    (m) =>
      m.session_id === meeting.session_id &&
      m.status === 'scheduled' &&
      m.id !== meeting.id &&
      m.slot_index === input.slotIndex,
  );
  if (all.some((m) => m.table_id === input.tableId)) {
    throw new AppError('conflict', `Table ${table.name} is taken at that time`, [
      { field: 'tableId', reason: 'taken' },
    ]);
  }
  const sessionPeople = await listParticipantsOfSession(db, meeting.session_id);
  const busyThen = new Set(
    sessionPeople.filter((p) => all.some((m) => m.id === p.meeting_id)).map((p) => p.person_id),
  );
  const availability = await loadMissionAvailability(db, mission.id);
  for (const p of participants) {
    if (busyThen.has(p.person_id)) {
      throw new AppError('conflict', `${p.first_name} ${p.last_name} has another meeting then`, [
        { field: 'slotIndex', reason: 'participant busy' },
      ]);
    }
    const a = availability.get(p.person_id);
    if (a && !isAvailable(slot, a.presenceDays, a.unavailable)) {
      throw new AppError('conflict', `${p.first_name} ${p.last_name} is not available then`, [
        { field: 'slotIndex', reason: 'participant unavailable' },
      ]);
    }
  }
  const ids = await inTransaction(ctx.db, async (trx) => {
    await updateMeetingRow(trx, meeting.id, {
      status: 'scheduled',
      slot_index: slot.index,
      table_id: table.id,
      starts_at: slot.startsAt,
      ends_at: slot.endsAt,
      sequence: meeting.sequence + 1,
      unscheduled_reason: null,
      updated_at: nowIso(),
    });
    await auditChange(trx, actor, mission.id, 'meeting', meeting.id, 'move', {
      slotIndex: slot.index,
      table: table.name,
    });
    return queueNotifications(
      trx,
      mission.id,
      participants.map((p) => ({
        personId: p.person_id,
        payload: {
          kind: 'agenda_changed' as const,
          changes: [changeFor(p, participants, meeting.starts_at, slot.startsAt, table.name, false)],
        },
      })),
    );
  });
  await deliverNow(ctx, ids);
  return (
    await presentMeetings(db, [(await findMeeting(db, mission.id, meeting.id)) as MeetingRow], true)
  )[0];
}

/** Held or no-show, by a participant of the meeting or an organizer, once it is on the agenda. */
export async function markAttendance(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  meetingId: string,
  status: 'held' | 'no_show',
) {
  const { mission, role, meeting, isParticipant } = await loadMeetingFor(ctx, actor, slug, meetingId);
  if (role !== 'organizer' && !isParticipant)
    throw forbidden('Only its participants or an organizer record attendance');
  return recordAttendance(ctx, actor?.userId ?? null, mission.id, meeting, status);
}

async function recordAttendance(
  ctx: AppContext,
  userId: string | null,
  missionId: string,
  meeting: MeetingRow,
  status: 'held' | 'no_show',
) {
  if (!['scheduled', 'held', 'no_show'].includes(meeting.status)) {
    throw new AppError('conflict', 'Only a scheduled meeting is marked held or no-show', [
      { field: 'status', reason: meeting.status },
    ]);
  }
  await inTransaction(ctx.db, async (trx) => {
    await updateMeetingRow(trx, meeting.id, { status, updated_at: nowIso() });
    await insertAuditEntries(trx, [
      {
        userId,
        missionId,
        entity: 'meeting',
        entityId: meeting.id,
        action: 'attendance',
        changes: { status },
      },
    ]);
  });
  return { id: meeting.id, status };
}

/**
 * The check-in page behind the QR code of a table sheet: who meets whom, when and where. The code is
 * the credential (printed on paper at the table), so it shows only what the sheet already prints.
 */
export async function checkInView(ctx: AppContext, code: string) {
  const meeting = await findMeetingByCheckInCode(ctx.db.kysely, code);
  if (!meeting) throw notFound('Meeting');
  const mission = await findMissionById(ctx.db.kysely, meeting.mission_id);
  const [view] = await presentMeetings(ctx.db.kysely, [meeting], false);
  return {
    mission: { slug: mission?.slug ?? '', title: mission?.title ?? '', timezone: mission?.timezone ?? 'UTC' },
    meeting: {
      status: view!.status,
      startsAt: view!.startsAt,
      endsAt: view!.endsAt,
      table: view!.table?.name ?? null,
      organizations: [...new Set(view!.participants.map((p) => p.organization))],
    },
  };
}

export async function checkIn(
  ctx: AppContext,
  actor: Actor | undefined,
  code: string,
  status: 'held' | 'no_show',
) {
  const meeting = await findMeetingByCheckInCode(ctx.db.kysely, code);
  if (!meeting) throw notFound('Meeting');
  return recordAttendance(ctx, actor?.userId ?? null, meeting.mission_id, meeting, status);
}

/** Blocks (or unblocks) another participant: no request goes either way while blocked. */
export async function setBlock(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  personId: string,
  isBlocking: boolean,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const me = await requireParticipant(ctx.db.kysely, actor, mission);
  await requireOtherParticipant(ctx.db.kysely, mission, personId, 'personId');
  if (personId === me.id)
    throw new AppError('validation_failed', 'You cannot block yourself', [
      { field: 'personId', reason: 'yourself' },
    ]);
  if (isBlocking)
    await insertBlock(ctx.db.kysely, {
      mission_id: mission.id,
      person_id: me.id,
      blocked_person_id: personId,
      created_at: nowIso(),
    });
  else await deleteBlock(ctx.db.kysely, mission.id, me.id, personId);
  return listBlocksOfPerson(ctx.db.kysely, mission.id, me.id);
}

export async function listBlocks(ctx: AppContext, actor: Actor | undefined, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  const me = await requireParticipant(ctx.db.kysely, actor, mission);
  return listBlocksOfPerson(ctx.db.kysely, mission.id, me.id);
}
