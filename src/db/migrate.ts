import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import { SECTORS } from '../domain/sectors.ts';
import type { Db } from './database.ts';
import * as initial from './migrations/001_initial.ts';
import * as meetings from './migrations/002_meetings.ts';
import * as leads from './migrations/003_leads.ts';
import * as surveys from './migrations/004_surveys.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial,
  '002_meetings': meetings,
  '003_leads': leads,
  '004_surveys': surveys,
};

class InCodeMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Applies every pending migration, then brings the sector catalogue up to date. Returns the names applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new InCodeMigrationProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await db.kysely.transaction().execute(async (trx) => {
    for (const [position, s] of SECTORS.entries()) {
      await trx
        .insertInto('sectors')
        .values({ code: s.code, name_fr: s.nameFr, name_en: s.nameEn, position })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name_fr: s.nameFr, name_en: s.nameEn, position }))
        .execute();
    }
  });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
