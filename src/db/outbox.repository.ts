import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type OutboxRow = Database['outbox'];

export async function insertOutboxMessage(db: Executor, row: OutboxRow): Promise<void> {
  await db.insertInto('outbox').values(row).execute();
}
