import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type NotificationRow = Database['notifications'];

export async function insertNotifications(db: Executor, rows: NotificationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Unsent notifications with their recipient's address, language and mode; `ids` narrows them. */
export function listUnsentNotifications(db: Executor, ids?: string[]) {
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .innerJoin('missions as m', 'm.id', 'n.mission_id')
    .selectAll('n')
    .select([
      'p.email',
      'p.language',
      'p.first_name',
      'p.notification_mode',
      'm.slug',
      'm.title',
      'm.timezone',
    ])
    .where('n.sent_at', 'is', null)
    .orderBy('n.person_id')
    .orderBy('n.created_at');
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('n.id', 'in', ids);
  }
  return q.execute();
}

export async function markNotificationsSent(db: Executor, ids: string[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('notifications')
      .set({ sent_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

export async function setNotificationMode(db: Executor, personId: string, mode: string): Promise<void> {
  await db.updateTable('people').set({ notification_mode: mode }).where('id', '=', personId).execute();
}
