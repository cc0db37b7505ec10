import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type SessionRow = Database['b2b_sessions'];
export type SessionDayRow = Database['b2b_session_days'];
export type TableRow = Database['b2b_tables'];

export function listSessionsOfMission(db: Executor, missionId: string): Promise<SessionRow[]> {
  return db
    .selectFrom('b2b_sessions')
    .selectAll()
    .where('mission_id', '=', missionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findSession(db: Executor, missionId: string, id: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('b2b_sessions')
    .selectAll()
    .where('mission_id', '=', missionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listSessionDays(db: Executor, sessionId: string): Promise<SessionDayRow[]> {
  return db
    .selectFrom('b2b_session_days')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('day')
    .execute();
}

export function listTablesOfSession(db: Executor, sessionId: string): Promise<TableRow[]> {
  return db
    .selectFrom('b2b_tables')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
}

export async function insertSession(db: Executor, row: SessionRow): Promise<void> {
  await db.insertInto('b2b_sessions').values(row).execute();
}

export async function updateSessionRow(
  db: Executor,
  id: string,
  patch: Partial<Pick<SessionRow, 'title' | 'slot_minutes' | 'fairness'>>,
): Promise<void> {
  await db.updateTable('b2b_sessions').set(patch).where('id', '=', id).execute();
}

export async function replaceSessionDays(
  db: Executor,
  sessionId: string,
  rows: SessionDayRow[],
): Promise<void> {
  await db.deleteFrom('b2b_session_days').where('session_id', '=', sessionId).execute();
  if (rows.length > 0) await db.insertInto('b2b_session_days').values(rows).execute();
}

/** Keeps the tables whose name stays (so meetings keep their table), adds new ones, removes the rest. */
export async function replaceTables(db: Executor, sessionId: string, rows: TableRow[]): Promise<void> {
  const keep = rows.map((r) => r.id);
  let del = db.deleteFrom('b2b_tables').where('session_id', '=', sessionId);
  if (keep.length > 0) del = del.where('id', 'not in', keep);
  await del.execute();
  for (const r of rows) {
    await db
      .insertInto('b2b_tables')
      .values(r)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ name: r.name, position: r.position, owner_person_id: r.owner_person_id }),
      )
      .execute();
  }
}
