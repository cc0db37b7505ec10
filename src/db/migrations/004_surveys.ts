import type { Kysely } from 'kysely';

/** Outcome surveys after a mission: waves at set delays, one personal invitation per person and wave. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_waves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_waves_offset', ['mission_id', 'offset_days'])
    .execute();
  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('wave_id', 'text', (c) => c.notNull().references('survey_waves.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('survey_invitations_person', ['wave_id', 'person_id'])
    .execute();
}
