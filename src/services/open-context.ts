import type { Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { AppContext, Logger } from './context.ts';
import { createMailer } from './mailer.ts';

/** Opens the database, applies pending migrations and wires the mailer. */
export async function openContext(
  config: Config,
  log: Logger,
): Promise<AppContext & { close(): Promise<void> }> {
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db, log });
  return {
    db,
    mailer,
    config,
    log,
    close: async () => {
      mailer.close();
      await db.close();
    },
  };
}
