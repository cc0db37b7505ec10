import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export async function upsertCalendarFeed(db: Executor, row: Database['calendar_feeds']): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['mission_id', 'person_id'])
        .doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at }),
    )
    .execute();
}

export function findCalendarFeed(db: Executor, tokenHash: string) {
  return db.selectFrom('calendar_feeds').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findCalendarFeedOfPerson(db: Executor, missionId: string, personId: string) {
  return db
    .selectFrom('calendar_feeds')
    .select('created_at')
    .where('mission_id', '=', missionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}
