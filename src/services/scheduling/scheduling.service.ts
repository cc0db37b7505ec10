import { insertAuditEntries } from '../../db/audit.repository.ts';
import { inTransaction } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import {
  listMeetingsOfSession,
  listParticipantDetails,
  listParticipantsOfSession,
  type ParticipantDetail,
  updateMeetingRow,
} from '../../db/meetings.repository.ts';
import type { MissionRow } from '../../db/missions.repository.ts';
import {
  findRun,
  insertRun,
  lastMeetingChange,
  listRunsOfSession,
  type RunRow,
  updateRunRow,
} from '../../db/runs.repository.ts';
import { findSession } from '../../db/sessions.repository.ts';
import { pushTo } from '../../domain/collections.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { checkSchedule } from '../../scheduler/checker.ts';
import { breaksLowerBound } from '../../scheduler/lower-bound.ts';
import { type Actor, requireRole } from '../actor.ts';
import { loadMissionAvailability } from '../availability.service.ts';
import type { AppContext } from '../context.ts';
import { changeFor } from '../meetings.service.ts';
import { findMissionOrThrow } from '../missions.service.ts';
import type { NotificationPayload } from '../notifications/messages.ts';
import { deliverNow, queueNotifications } from '../notifications/notify.service.ts';
import { runScheduler, type SchedulerRun } from '../scheduler-runner.ts';
import { loadSessionView, type SessionView } from '../sessions.service.ts';
import { buildProblem } from './problem-builder.ts';

/** What a finished run found, by meeting id; stored as JSON with the run. */
export interface RunResult {
  status: string;
  objective: number | null;
  lowerBound: number;
  seconds: number;
  meetings: number;
  scheduled: number;
  tableChanges: number;
  /** Published meetings the run moves; 0 on a first run. */
  moved: number;
  assignments: { meetingId: string; slotIndex: number; tableId: string }[];
  unscheduled: { meetingId: string; reason: string }[];
  breaksByPerson: { personId: string; breaks: number }[];
}

/** Runs in this process, so a cancel reaches the worker. */
const active = new Map<string, SchedulerRun>();

async function sessionOf(ctx: AppContext, mission: MissionRow, sessionId: string): Promise<SessionView> {
  const s = await findSession(ctx.db.kysely, mission.id, sessionId);
  if (!s) throw notFound('B2B session');
  return loadSessionView(ctx.db.kysely, mission, s);
}

/**
 * Starts the scheduler on the session's open meetings in a worker thread and returns at once; the run
 * is stored when it ends. Organizers only. The schedule is a preview until published.
 */
export async function startRun(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  sessionId: string,
  timeLimitSeconds: number,
): Promise<ReturnType<typeof presentRun>> {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  const db = ctx.db.kysely;
  const session = await sessionOf(ctx, mission, sessionId);
  const running = (await listRunsOfSession(db, session.id)).find(
    (r) => r.status === 'running' && active.has(r.id),
  );
  if (running)
    throw new AppError('conflict', 'A run of this session is still going', [
      { field: 'runId', reason: running.id },
    ]);
  const [meetings, participants, availability] = await Promise.all([
    listMeetingsOfSession(db, session.id),
    listParticipantsOfSession(db, session.id),
    loadMissionAvailability(db, mission.id),
  ]);
  const built = buildProblem(session, meetings, participants, availability);
  if (built.meetingIds.length === 0) {
    throw new AppError('conflict', 'No accepted meeting to schedule yet', [
      { field: 'meetings', reason: 'none open' },
    ]);
  }
  const run: RunRow = {
    id: newId(),
    session_id: session.id,
    status: 'running',
    time_limit_seconds: timeLimitSeconds,
    result: null,
    error: null,
    created_by: actor?.userId ?? null,
    created_at: nowIso(),
    finished_at: null,
    published_at: null,
  };
  await insertRun(db, run);
  const handle = runScheduler(built.problem, {
    timeLimitSeconds,
    seed: 1,
    ...(built.keep ? { keep: built.keep } : {}),
  });
  active.set(run.id, handle);
  handle.result
    .then(async (r) => {
      const report = checkSchedule(built.problem, r.slots, r.tables);
      if (report.violations.length > 0) throw new Error(`the schedule broke a rule: ${report.violations[0]}`);
      const moved = built.keep
        ? built.keep.slots.filter(
            (s, i) => s >= 0 && (r.slots[i] !== s || r.tables[i] !== built.keep?.tables[i]),
          ).length
        : 0;
      const result: RunResult = {
        status: r.status,
        objective: r.objective,
        lowerBound: r.lowerBound,
        seconds: r.seconds,
        meetings: built.meetingIds.length,
        scheduled: report.scheduled,
        tableChanges: r.tableChanges,
        moved,
        assignments: built.meetingIds.flatMap((meetingId, i) =>
          (r.slots[i] as number) >= 0
            ? [
                {
                  meetingId,
                  slotIndex: r.slots[i] as number,
                  tableId: session.tables[r.tables[i] as number]?.id as string,
                },
              ]
            : [],
        ),
        unscheduled: r.unscheduled.map((u) => ({
          meetingId: built.meetingIds[u.meeting] as string,
          reason: u.reason,
        })),
        breaksByPerson: built.personIds.map((personId, i) => ({ personId, breaks: report.breaksOf[i] ?? 0 })),
      };
      await updateRunRow(db, run.id, {
        status: 'done',
        result: JSON.stringify(result),
        finished_at: nowIso(),
      });
    })
    .catch(async (err: Error) => {
      ctx.log.error(`scheduling run ${run.id} failed: ${err.message}`);
      await updateRunRow(db, run.id, { status: 'failed', error: err.message, finished_at: nowIso() }).catch(
        () => {},
      );
    })
    .finally(() => active.delete(run.id));
  return presentRun(run, session, breaksLowerBound(built.problem));
}

/** A run of a session of the mission, for its organizers only. */
async function organizerRun(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  sessionId: string,
  runId: string,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  const session = await sessionOf(ctx, mission, sessionId);
  const run = await findRun(ctx.db.kysely, session.id, runId);
  if (!run) throw notFound('Scheduling run');
  return { mission, session, run };
}

/** Stops a run early; it keeps the best schedule found so far. */
export async function cancelRun(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  sessionId: string,
  runId: string,
) {
  const { session, run } = await organizerRun(ctx, actor, slug, sessionId, runId);
  active.get(run.id)?.cancel();
  return presentRun(run, session);
}

export async function getRun(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  sessionId: string,
  runId: string,
) {
  const { session, run } = await organizerRun(ctx, actor, slug, sessionId, runId);
  return presentRun(await settleStale(ctx, run), session);
}

export async function listRuns(ctx: AppContext, actor: Actor | undefined, slug: string, sessionId: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  const session = await sessionOf(ctx, mission, sessionId);
  const runs = await listRunsOfSession(ctx.db.kysely, session.id);
  return Promise.all(runs.map(async (r) => presentRun(await settleStale(ctx, r), session, undefined, false)));
}

/** A run whose process died never finishes: past its time limit and a minute, it is marked failed. */
async function settleStale(ctx: AppContext, run: RunRow): Promise<RunRow> {
  if (run.status !== 'running' || active.has(run.id)) return run;
  const deadline = Date.parse(run.created_at) + (run.time_limit_seconds + 60) * 1000;
  if (Date.now() < deadline) return run;
  const error = 'the run stopped with its server process';
  await updateRunRow(ctx.db.kysely, run.id, { status: 'failed', error, finished_at: nowIso() });
  return { ...run, status: 'failed', error };
}

function presentRun(run: RunRow, session: SessionView, lowerBound?: number, withResult = true) {
  const result = run.result ? (JSON.parse(run.result) as RunResult) : null;
  const elapsed = (Date.now() - Date.parse(run.created_at)) / 1000;
  return {
    id: run.id,
    sessionId: run.session_id,
    status: run.status,
    timeLimitSeconds: run.time_limit_seconds,
    progress: run.status === 'running' ? Math.min(0.99, elapsed / run.time_limit_seconds) : 1,
    createdAt: run.created_at,
    finishedAt: run.finished_at,
    publishedAt: run.published_at,
    error: run.error,
    figures: result
      ? {
          solverStatus: result.status,
          meetings: result.meetings,
          scheduled: result.scheduled,
          unscheduled: result.unscheduled.length,
          breaks: result.objective ?? result.breaksByPerson.reduce((s, b) => s + b.breaks, 0),
          lowerBound: result.lowerBound,
          moved: result.moved,
          tableChanges: result.tableChanges,
          seconds: result.seconds,
        }
      : lowerBound !== undefined
        ? { lowerBound }
        : null,
    ...(withResult && result
      ? {
          assignments: result.assignments,
          unscheduled: result.unscheduled,
          slots: session.slots,
          tables: session.tables.map((t) => ({ id: t.id, name: t.name })),
        }
      : {}),
  };
}

/**
 * Publishes a finished run: its slots and tables become the meetings' agenda. Refused when the
 * session's meetings changed since the run started (run again). Every participant whose agenda
 * changed is told what changed; calendar sequences go up for every changed published meeting.
 */
export async function publishRun(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  sessionId: string,
  runId: string,
) {
  const { mission, session, run } = await organizerRun(ctx, actor, slug, sessionId, runId);
  const db = ctx.db.kysely;
  if (run.status !== 'done' || !run.result) {
    throw new AppError('conflict', `This run is ${run.status}; only a finished run is published`, [
      { field: 'status', reason: run.status },
    ]);
  }
  const changedAt = await lastMeetingChange(db, session.id);
  if (changedAt && changedAt > run.created_at) {
    throw new AppError('conflict', 'Meetings changed since this run started: run the scheduler again', [
      { field: 'runId', reason: 'outdated' },
    ]);
  }
  const result = JSON.parse(run.result) as RunResult;
  const meetings = new Map((await listMeetingsOfSession(db, session.id)).map((m) => [m.id, m]));
  const details = await listParticipantDetails(db, [...meetings.keys()]);
  const peopleOf = new Map<string, ParticipantDetail[]>();
  for (const d of details) pushTo(peopleOf, d.meeting_id, d);
  const tableName = new Map(session.tables.map((t) => [t.id, t.name]));
  const now = nowIso();

  const ids = await inTransaction(ctx.db, async (trx) => {
    const changes = new Map<string, ReturnType<typeof changeFor>[]>();
    const firstTime = new Map<string, number>();
    const hadAgenda = new Set(
      details.filter((d) => meetings.get(d.meeting_id)?.status === 'scheduled').map((d) => d.person_id),
    );
    const note = (meetingId: string, before: string | null, after: string | null, table: string | null) => {
      const people = peopleOf.get(meetingId) ?? [];
      for (const p of people) {
        if (!hadAgenda.has(p.person_id)) {
          if (after) firstTime.set(p.person_id, (firstTime.get(p.person_id) ?? 0) + 1);
          continue;
        }
        changes.set(p.person_id, [
          ...(changes.get(p.person_id) ?? []),
          changeFor(p, people, before, after, table, !after),
        ]);
      }
    };
    for (const a of result.assignments) {
      const m = meetings.get(a.meetingId);
      const slot = session.slots[a.slotIndex];
      if (!m || !slot) continue;
      const same = m.status === 'scheduled' && m.slot_index === a.slotIndex && m.table_id === a.tableId;
      if (same) continue;
      const wasPublished = m.status === 'scheduled';
      await updateMeetingRow(trx, m.id, {
        status: 'scheduled',
        slot_index: a.slotIndex,
        table_id: a.tableId,
        starts_at: slot.startsAt,
        ends_at: slot.endsAt,
        sequence: m.sequence + (wasPublished ? 1 : 0),
        unscheduled_reason: null,
        updated_at: now,
      });
      note(m.id, m.starts_at, slot.startsAt, tableName.get(a.tableId) ?? null);
    }
    for (const u of result.unscheduled) {
      const m = meetings.get(u.meetingId);
      if (!m) continue;
      const wasPublished = m.status === 'scheduled';
      await updateMeetingRow(trx, m.id, {
        // The former time stays, so calendars get the meeting back as cancelled.
        status: 'unscheduled',
        slot_index: null,
        table_id: null,
        sequence: m.sequence + (wasPublished ? 1 : 0),
        unscheduled_reason: u.reason,
        updated_at: now,
      });
      if (wasPublished) note(m.id, m.starts_at, null, null);
    }
    await updateRunRow(trx, run.id, { status: 'published', published_at: now });
    await insertAuditEntries(trx, [
      {
        userId: actor?.userId ?? null,
        missionId: mission.id,
        entity: 'schedule_run',
        entityId: run.id,
        action: 'publish',
        changes: { scheduled: result.scheduled, unscheduled: result.unscheduled.length },
      },
    ]);
    const items: { personId: string; payload: NotificationPayload }[] = [];
    for (const [personId, count] of firstTime)
      items.push({ personId, payload: { kind: 'schedule_published', meetings: count } });
    for (const [personId, list] of changes)
      items.push({ personId, payload: { kind: 'agenda_changed', changes: list } });
    return queueNotifications(trx, mission.id, items);
  });
  await deliverNow(ctx, ids);
  return { id: run.id, status: 'published', notified: ids.length };
}
