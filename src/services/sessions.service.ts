import { insertAuditEntries } from '../db/audit.repository.ts';
import { type Executor, inTransaction } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { MissionRow } from '../db/missions.repository.ts';
import { findRegistration } from '../db/people.repository.ts';
import {
  findSession,
  insertSession,
  listSessionDays,
  listSessionsOfMission,
  listTablesOfSession,
  replaceSessionDays,
  replaceTables,
  type SessionRow,
  type TableRow,
  updateSessionRow,
} from '../db/sessions.repository.ts';
import { AppError, notFound } from '../domain/errors.ts';
import type { SessionInput } from '../domain/meeting-schemas.ts';
import { type SessionDay, type Slot, sessionSlots } from '../domain/slots.ts';
import { type Actor, ANY_ROLE, requireRole } from './actor.ts';
import type { AppContext } from './context.ts';
import { findMissionOrThrow } from './missions.service.ts';

/** A B2B session as services use it: its days, its slots in time order and its tables. */
export interface SessionView {
  id: string;
  title: string;
  slotMinutes: number;
  fairness: number;
  timezone: string;
  days: SessionDay[];
  slots: Slot[];
  tables: { id: string; name: string; ownerPersonId: string | null }[];
}

export async function loadSessionView(
  db: Executor,
  mission: MissionRow,
  session: SessionRow,
): Promise<SessionView> {
  const [days, tables] = await Promise.all([
    listSessionDays(db, session.id),
    listTablesOfSession(db, session.id),
  ]);
  const dayViews: SessionDay[] = days.map((d) => ({
    day: d.day,
    startsAt: d.starts_at,
    endsAt: d.ends_at,
    breaks: JSON.parse(d.breaks) as [string, string][],
  }));
  return {
    id: session.id,
    title: session.title,
    slotMinutes: session.slot_minutes,
    fairness: session.fairness,
    timezone: mission.timezone,
    days: dayViews,
    slots: sessionSlots(dayViews, session.slot_minutes, mission.timezone),
    tables: tables.map((t) => ({ id: t.id, name: t.name, ownerPersonId: t.owner_person_id })),
  };
}

export async function listSessions(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
): Promise<SessionView[]> {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ANY_ROLE);
  const sessions = await listSessionsOfMission(ctx.db.kysely, mission.id);
  return Promise.all(sessions.map((s) => loadSessionView(ctx.db.kysely, mission, s)));
}

/** The session a request or meeting goes to: the one named, or the mission's only (first) session. */
export async function resolveSession(
  db: Executor,
  mission: MissionRow,
  sessionId?: string,
): Promise<SessionRow> {
  if (sessionId) {
    const s = await findSession(db, mission.id, sessionId);
    if (!s)
      throw new AppError('validation_failed', 'No such B2B session', [
        { field: 'sessionId', reason: 'not a session of this mission' },
      ]);
    return s;
  }
  const [first] = await listSessionsOfMission(db, mission.id);
  if (!first)
    throw new AppError('conflict', 'The mission has no B2B session yet', [
      { field: 'sessionId', reason: 'no session' },
    ]);
  return first;
}

/** Creates a session, or replaces the days and tables of one (`sessionId`); organizers only. */
export async function saveSession(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  input: SessionInput,
  sessionId?: string,
  opts: { asSystem?: boolean } = {},
): Promise<SessionView> {
  const mission = await findMissionOrThrow(ctx, slug);
  if (!opts.asSystem) requireRole(actor, mission.id, ['organizer']);
  const outside = input.days.findIndex((d) => d.day < mission.starts_on || d.day > mission.ends_on);
  if (outside >= 0) {
    throw new AppError('validation_failed', 'A session day falls outside the mission', [
      { field: `days.${outside}.day`, reason: `not between ${mission.starts_on} and ${mission.ends_on}` },
    ]);
  }
  for (const [i, t] of input.tables.entries()) {
    if (t.ownerPersonId && !(await findRegistration(ctx.db.kysely, mission.id, t.ownerPersonId))) {
      throw new AppError('validation_failed', 'A table owner is not in the mission', [
        { field: `tables.${i}.ownerPersonId`, reason: 'not registered in this mission' },
      ]);
    }
  }
  const slots = sessionSlots(
    input.days.map((d) => ({ ...d, breaks: d.breaks })),
    input.slotMinutes,
    mission.timezone,
  );
  if (slots.length === 0) {
    throw new AppError('validation_failed', 'The days hold no slot of that length', [
      { field: 'slotMinutes', reason: 'longer than every opening between breaks' },
    ]);
  }
  const id = await inTransaction(ctx.db, async (trx) => {
    let session: SessionRow;
    if (sessionId) {
      const found = await findSession(trx, mission.id, sessionId);
      if (!found) throw notFound('B2B session');
      session = found;
      await updateSessionRow(trx, session.id, {
        title: input.title,
        slot_minutes: input.slotMinutes,
        fairness: input.fairness,
      });
    } else {
      session = {
        id: newId(),
        mission_id: mission.id,
        title: input.title,
        slot_minutes: input.slotMinutes,
        fairness: input.fairness,
        created_at: nowIso(),
      };
      await insertSession(trx, session);
    }
    await replaceSessionDays(
      trx,
      session.id,
      input.days.map((d) => ({
        session_id: session.id,
        day: d.day,
        starts_at: d.startsAt,
        ends_at: d.endsAt,
        breaks: JSON.stringify(d.breaks),
      })),
    );
    const existing = new Map(
      (await listTablesOfSession(trx, session.id)).map((t) => [t.name.toLowerCase(), t]),
    );
    const tables: TableRow[] = input.tables.map((t, position) => ({
      id: existing.get(t.name.toLowerCase())?.id ?? newId(),
      session_id: session.id,
      name: t.name,
      position,
      owner_person_id: t.ownerPersonId,
    }));
    await replaceTables(trx, session.id, tables);
    await insertAuditEntries(trx, [
      {
        userId: actor?.userId ?? null,
        missionId: mission.id,
        entity: 'b2b_session',
        entityId: session.id,
        action: sessionId ? 'update' : 'create',
        changes: {
          title: input.title,
          slotMinutes: input.slotMinutes,
          days: input.days.length,
          tables: input.tables.length,
        },
      },
    ]);
    return session.id;
  });
  const saved = (await findSession(ctx.db.kysely, mission.id, id)) as SessionRow;
  return loadSessionView(ctx.db.kysely, mission, saved);
}
