import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type RunRow = Database['schedule_runs'];

export async function insertRun(db: Executor, row: RunRow): Promise<void> {
  await db.insertInto('schedule_runs').values(row).execute();
}

export async function updateRunRow(
  db: Executor,
  id: string,
  patch: Partial<Pick<RunRow, 'status' | 'result' | 'error' | 'finished_at' | 'published_at'>>,
): Promise<void> {
  await db.updateTable('schedule_runs').set(patch).where('id', '=', id).execute();
}

export function findRun(db: Executor, sessionId: string, id: string): Promise<RunRow | undefined> {
  return db
    .selectFrom('schedule_runs')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listRunsOfSession(db: Executor, sessionId: string): Promise<RunRow[]> {
  return db
    .selectFrom('schedule_runs')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}

/** The latest moment a meeting of the session changed, to tell whether a run is still current. */
export async function lastMeetingChange(db: Executor, sessionId: string): Promise<string | null> {
  const r = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('updated_at').as('at'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}
