import { type Kysely, sql } from 'kysely';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Follow-up: leads from meetings to contracts, their history, attribution, and exchange rates. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('mission_rates')
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('rate', 'double precision', (c) => c.notNull())
    .addColumn('recorded_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mission_rates_pk', ['mission_id', 'currency'])
    .addCheckConstraint('mission_rates_positive', sql`rate > 0`)
    .execute();

  await db.schema
    .createTable('leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('owner_organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('abandon_reason', 'text')
    .addColumn('sector_code', 'text', (c) => c.references('sectors.code'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('currency', 'text')
    .addColumn('jobs_projected', 'integer')
    .addColumn('jobs_actual', 'integer')
    .addColumn('next_action', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_action_due', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('declared'))
    .addColumn('evidence_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('counterfactual', 'text')
    .addColumn('signed_on', 'text')
    .addColumn('story', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('story_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'leads_type',
      inList('type', [
        'export_sale',
        'investment',
        'partnership',
        'rd_collaboration',
        'recruitment',
        'other',
      ]),
    )
    .addCheckConstraint(
      'leads_stage',
      inList('stage', ['contact', 'follow_up', 'negotiation', 'signed', 'abandoned']),
    )
    .addCheckConstraint('leads_side', inList('side', ['delegation', 'host']))
    .addCheckConstraint('leads_evidence', inList('evidence', ['declared', 'confirmed']))
    .addCheckConstraint(
      'leads_counterfactual',
      sql`counterfactual is null or ${inList('counterfactual', ['yes', 'partly', 'no'])}`,
    )
    .addCheckConstraint('leads_amount', sql`amount is null or (amount >= 0 and currency is not null)`)
    .addCheckConstraint(
      'leads_jobs',
      sql`(jobs_projected is null or jobs_projected >= 0) and (jobs_actual is null or jobs_actual >= 0)`,
    )
    .addCheckConstraint('leads_story_flag', sql`story_public in (0, 1)`)
    .execute();
  await db.schema.createIndex('leads_mission').on('leads').columns(['mission_id', 'stage']).execute();
  await db.schema.createIndex('leads_public_story').on('leads').columns(['story_public', 'id']).execute();

  await db.schema
    .createTable('lead_organizations')
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('lead_organizations_pk', ['lead_id', 'organization_id'])
    .execute();
  await db.schema
    .createIndex('lead_organizations_org')
    .on('lead_organizations')
    .columns(['organization_id', 'lead_id'])
    .execute();

  await db.schema
    .createTable('lead_meetings')
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('lead_meetings_pk', ['lead_id', 'meeting_id'])
    .execute();
  await db.schema.createIndex('lead_meetings_meeting').on('lead_meetings').columns(['meeting_id']).execute();

  await db.schema
    .createTable('lead_missions')
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('lead_missions_pk', ['lead_id', 'mission_id'])
    .execute();
  await db.schema
    .createIndex('lead_missions_mission')
    .on('lead_missions')
    .columns(['mission_id', 'lead_id'])
    .execute();

  await db.schema
    .createTable('lead_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .addCheckConstraint('lead_history_source', inList('source', ['web', 'survey', 'import', 'demo']))
    .execute();
  await db.schema.createIndex('lead_history_lead').on('lead_history').columns(['lead_id', 'at']).execute();
}
