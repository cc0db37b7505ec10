import { inTransaction } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import {
  findOpenMeetingBetween,
  insertMeeting,
  listOpenMeetingsOfOrganizationWith,
} from '../db/meetings.repository.ts';
import type { MissionRow } from '../db/missions.repository.ts';
import {
  countPendingOutgoing,
  expireRequests,
  findPendingBetween,
  findRequest,
  insertRequest,
  isBlockedEitherWay,
  listRequestsOfMission,
  listRequestsOfPerson,
  type RequestRow,
  updateRequestRow,
} from '../db/requests.repository.ts';
import { AppError, forbidden, notFound } from '../domain/errors.ts';
import { isAvailable } from '../domain/slots.ts';
import { type Actor, requireRole } from './actor.ts';
import { auditChange } from './audit.ts';
import { loadPersonAvailability } from './availability.service.ts';
import type { AppContext } from './context.ts';
import { newMeetingRow } from './meeting-row.ts';
import { findMissionOrThrow } from './missions.service.ts';
import { deliverNow, queueNotifications } from './notifications/notify.service.ts';
import { fullName, type Participant, requireOtherParticipant, requireParticipant } from './participant.ts';
import { loadSessionView, resolveSession, type SessionView } from './sessions.service.ts';

/** When requests for a session stop: the mission's expiry hours before its first slot. */
export function requestDeadline(mission: MissionRow, session: SessionView): string | null {
  const first = session.slots[0];
  if (!first) return null;
  return new Date(Date.parse(first.startsAt) - mission.request_expiry_hours * 3_600_000).toISOString();
}

const conflict = (message: string, field: string, reason: string) =>
  new AppError('conflict', message, [{ field, reason }]);

/**
 * Asks another participant for a meeting. Refused, with the reason and nothing written: oneself, a
 * colleague, someone outside the mission, a block either way, a duplicate (pending request or open
 * meeting), a colleague already meeting them (join that meeting instead), the cap of pending requests,
 * no slot where both are available, or requests closed for the session.
 */
export async function createRequest(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  input: { recipientPersonId: string; message: string; sessionId?: string | undefined },
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const db = ctx.db.kysely;
  const me = await requireParticipant(db, actor, mission);
  const field = 'recipientPersonId';
  if (input.recipientPersonId === me.id) {
    throw new AppError('validation_failed', 'You cannot request a meeting with yourself', [
      { field, reason: 'yourself' },
    ]);
  }
  const them = await requireOtherParticipant(db, mission, input.recipientPersonId, field);
  if (them.organization_id === me.organization_id) {
    throw new AppError('validation_failed', 'This is a colleague of your own organization', [
      { field, reason: 'same organization' },
    ]);
  }
  const session = await loadSessionView(db, mission, await resolveSession(db, mission, input.sessionId));
  if (await isBlockedEitherWay(db, mission.id, me.id, them.id)) {
    throw conflict('This participant does not take requests from you', field, 'blocked');
  }
  await expireRequests(db, mission.id, nowIso());
  if (await findPendingBetween(db, mission.id, me.id, them.id)) {
    throw conflict('A request between you two is already pending', field, 'duplicate request');
  }
  if (await findOpenMeetingBetween(db, session.id, me.id, them.id)) {
    throw conflict('You already have a meeting with this participant', field, 'duplicate meeting');
  }
  const [colleagues] = await listOpenMeetingsOfOrganizationWith(db, session.id, me.organization_id, them.id);
  if (colleagues) {
    throw new AppError(
      'conflict',
      'A colleague of yours already meets this participant: join that meeting instead',
      [
        { field, reason: 'colleague already meets them' },
        { field: 'joinMeetingId', reason: colleagues.id },
      ],
    );
  }
  const pending = await countPendingOutgoing(db, mission.id, me.id);
  if (pending >= mission.max_pending_requests) {
    throw conflict(
      `You have ${pending} pending requests, the most this mission allows; wait for answers or withdraw one`,
      'requests',
      `at most ${mission.max_pending_requests} pending`,
    );
  }
  const [mine, theirs] = await Promise.all([
    loadPersonAvailability(db, mission.id, me.id),
    loadPersonAvailability(db, mission.id, them.id),
  ]);
  const common = session.slots.some(
    (s) =>
      isAvailable(s, mine.presenceDays, mine.unavailable) &&
      isAvailable(s, theirs.presenceDays, theirs.unavailable),
  );
  if (!common)
    throw conflict(
      'You have no slot of the session where both of you are available',
      field,
      'no common availability',
    );
  const deadline = requestDeadline(mission, session);
  const now = nowIso();
  if (!deadline || deadline <= now)
    throw conflict('Requests for this session are closed', 'sessionId', `closed since ${deadline}`);

  const row: RequestRow = {
    id: newId(),
    mission_id: mission.id,
    session_id: session.id,
    requester_person_id: me.id,
    recipient_person_id: them.id,
    message: input.message,
    status: 'pending',
    decline_reason: null,
    meeting_id: null,
    expires_at: deadline,
    created_at: now,
    answered_at: null,
  };
  const ids = await inTransaction(ctx.db, async (trx) => {
    await insertRequest(trx, row);
    await auditChange(trx, actor, mission.id, 'meeting_request', row.id, 'create', { recipient: them.id });
    return queueNotifications(trx, mission.id, [
      {
        personId: them.id,
        payload: {
          kind: 'request_received',
          from: fullName(me),
          organization: me.organization_name,
          message: input.message,
        },
      },
    ]);
  });
  await deliverNow(ctx, ids);
  return presentRequest({ ...row, ...names(me, them) }, me.id, true);
}

/** The recipient accepts (a meeting to schedule is created) or declines, with an optional reason. */
export async function answerRequest(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  requestId: string,
  answer: { accept: true } | { accept: false; reason?: string | undefined },
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const db = ctx.db.kysely;
  const me = await requireParticipant(db, actor, mission);
  await expireRequests(db, mission.id, nowIso());
  const request = await findRequest(db, mission.id, requestId);
  if (!request || (request.recipient_person_id !== me.id && request.requester_person_id !== me.id))
    throw notFound('Request');
  if (request.recipient_person_id !== me.id) throw forbidden('Only the person asked answers a request');
  if (request.status !== 'pending')
    throw conflict(`This request is ${request.status}`, 'status', request.status);
  const requester = await requireOtherParticipant(db, mission, request.requester_person_id, 'requester');
  const now = nowIso();
  const ids = await inTransaction(ctx.db, async (trx) => {
    let meetingId: string | null = null;
    if (answer.accept) {
      const meeting = newMeetingRow({
        missionId: mission.id,
        sessionId: request.session_id,
        createdBy: actor?.userId ?? null,
        at: now,
      });
      meetingId = meeting.id;
      await insertMeeting(
        trx,
        meeting,
        [requester, me].map((p) => ({
          meeting_id: meetingId as string,
          person_id: p.id,
          organization_id: p.organization_id,
        })),
      );
    }
    const ok = await updateRequestRow(
      trx,
      request.id,
      {
        status: answer.accept ? 'accepted' : 'declined',
        decline_reason: answer.accept ? null : (answer.reason ?? null),
        answered_at: now,
        meeting_id: meetingId,
      },
      'pending',
    );
    if (!ok) throw conflict('This request was answered meanwhile', 'status', 'not pending');
    await auditChange(
      trx,
      actor,
      mission.id,
      'meeting_request',
      request.id,
      answer.accept ? 'accept' : 'decline',
      { meetingId },
    );
    return queueNotifications(trx, mission.id, [
      {
        personId: requester.id,
        payload: {
          kind: 'request_answered',
          by: fullName(me),
          organization: me.organization_name,
          accepted: answer.accept,
          reason: answer.accept ? null : (answer.reason ?? null),
        },
      },
    ]);
  });
  await deliverNow(ctx, ids);
  const updated = (await findRequest(db, mission.id, request.id)) as RequestRow;
  return presentRequest({ ...updated, ...names(requester, me) }, me.id, true);
}

/** The requester takes back a pending request. */
export async function withdrawRequest(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  requestId: string,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const db = ctx.db.kysely;
  const me = await requireParticipant(db, actor, mission);
  const request = await findRequest(db, mission.id, requestId);
  if (!request || (request.recipient_person_id !== me.id && request.requester_person_id !== me.id))
    throw notFound('Request');
  if (request.requester_person_id !== me.id) throw forbidden('Only the requester withdraws a request');
  await inTransaction(ctx.db, async (trx) => {
    const ok = await updateRequestRow(
      trx,
      request.id,
      { status: 'withdrawn', answered_at: nowIso() },
      'pending',
    );
    if (!ok) throw conflict(`This request is ${request.status}`, 'status', 'not pending');
    await auditChange(trx, actor, mission.id, 'meeting_request', request.id, 'withdraw', {});
  });
  return { id: request.id, status: 'withdrawn' as const };
}

/**
 * Requests sent and received by the caller; organizers may list the whole mission (`all`) or one
 * person's. Nobody else reads a request or its message.
 */
export async function listRequests(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  query: { scope: 'mine' | 'all'; status?: string | undefined },
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  const db = ctx.db.kysely;
  await expireRequests(db, mission.id, nowIso());
  if (query.scope === 'all') {
    if (role !== 'organizer') throw forbidden('Only organizers see every request');
    const rows = await listRequestsOfMission(db, mission.id, query.status);
    return rows.map((r) => presentRequest(r, null, true));
  }
  const me = await requireParticipant(db, actor, mission);
  const rows = await listRequestsOfPerson(db, mission.id, me.id);
  return rows
    .filter((r) => !query.status || r.status === query.status)
    .map((r) => presentRequest(r, me.id, true));
}

type RequestWithNames = RequestRow & ReturnType<typeof names>;

function names(requester: Participant, recipient: Participant) {
  return {
    requester_first_name: requester.first_name,
    requester_last_name: requester.last_name,
    requester_organization_id: requester.organization_id,
    requester_organization: requester.organization_name,
    recipient_first_name: recipient.first_name,
    recipient_last_name: recipient.last_name,
    recipient_organization_id: recipient.organization_id,
    recipient_organization: recipient.organization_name,
  };
}

function presentRequest(r: RequestWithNames, viewerPersonId: string | null, withMessage: boolean) {
  return {
    id: r.id,
    sessionId: r.session_id,
    status: r.status,
    direction:
      viewerPersonId === null ? null : r.requester_person_id === viewerPersonId ? 'outgoing' : 'incoming',
    requester: {
      personId: r.requester_person_id,
      name: `${r.requester_first_name} ${r.requester_last_name}`,
      organizationId: r.requester_organization_id,
      organization: r.requester_organization,
    },
    recipient: {
      personId: r.recipient_person_id,
      name: `${r.recipient_first_name} ${r.recipient_last_name}`,
      organizationId: r.recipient_organization_id,
      organization: r.recipient_organization,
    },
    message: withMessage ? r.message : '',
    declineReason: r.decline_reason,
    meetingId: r.meeting_id,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
  };
}
