import { type Kysely, sql } from 'kysely';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** The first schema: missions, profiles, accounts, audit. Written once for SQLite and PostgreSQL. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sectors')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('territories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('pitch_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pitch_en', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('territory_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('sector_code', 'text', (c) => c.references('sectors.code'))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('partnerships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_a_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('territory_b_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('signed_on', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('partnerships_pair', ['territory_a_id', 'territory_b_id'])
    .addCheckConstraint('partnerships_distinct', sql`territory_a_id <> territory_b_id`)
    .execute();

  await db.schema
    .createTable('missions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('partnership_id', 'text', (c) => c.references('partnerships.id'))
    .addColumn('origin_territory_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('host_territory_id', 'text', (c) => c.notNull().references('territories.id'))
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('reporting_currency', 'text', (c) => c.notNull())
    .addColumn('summary_fr', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('directory_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('missions_dates', sql`ends_on >= starts_on`)
    .addCheckConstraint('missions_territories', sql`origin_territory_id <> host_territory_id`)
    .execute();

  await db.schema
    .createTable('mission_sectors')
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('sector_code', 'text', (c) => c.notNull().references('sectors.code'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mission_sectors_pk', ['mission_id', 'sector_code'])
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_language', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('organizations_name_country', ['name_key', 'country'])
    .addCheckConstraint(
      'organizations_kind',
      inList('kind', [
        'company',
        'startup',
        'research',
        'hospital',
        'university',
        'public_agency',
        'investor',
        'association',
      ]),
    )
    .addCheckConstraint('organizations_language', inList('description_language', ['fr', 'en']))
    .execute();

  await db.schema
    .createTable('organization_sectors')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('sector_code', 'text', (c) => c.notNull().references('sectors.code'))
    .addPrimaryKeyConstraint('organization_sectors_pk', ['organization_id', 'sector_code'])
    .execute();
  await db.schema
    .createIndex('organization_sectors_sector')
    .on('organization_sectors')
    .columns(['sector_code', 'organization_id'])
    .execute();

  await db.schema
    .createTable('opportunities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('opportunities_kind', inList('kind', ['offer', 'request']))
    .addCheckConstraint('opportunities_language', inList('language', ['fr', 'en']))
    .execute();
  await db.schema
    .createIndex('opportunities_organization')
    .on('opportunities')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('people_language', inList('language', ['fr', 'en']))
    .execute();
  await db.schema.createIndex('people_organization').on('people').column('organization_id').execute();

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('presence_days', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('registrations_person', ['mission_id', 'person_id'])
    .addCheckConstraint('registrations_side', inList('side', ['delegation', 'host']))
    .execute();
  await db.schema
    .createIndex('registrations_mission_org')
    .on('registrations')
    .columns(['mission_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('programme_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title_fr', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('sector_code', 'text', (c) => c.references('sectors.code'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('venue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('capacity', 'integer')
    .addCheckConstraint('programme_kind', inList('kind', ['workshop', 'plenary', 'site_visit', 'reception']))
    .addCheckConstraint('programme_times', sql`ends_at > starts_at`)
    .addCheckConstraint('programme_capacity', sql`capacity is null or capacity > 0`)
    .execute();

  await db.schema
    .createTable('programme_signups')
    .addColumn('programme_item_id', 'text', (c) =>
      c.notNull().references('programme_items.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_signups_pk', ['programme_item_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('person_id', 'text', (c) => c.unique().references('people.id').onDelete('set null'))
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('users_admin_flag', sql`is_admin in (0, 1)`)
    .execute();

  await db.schema
    .createTable('mission_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('mission_roles_pk', ['user_id', 'mission_id'])
    .addCheckConstraint('mission_roles_role', inList('role', ['organizer', 'participant', 'official']))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();

  await db.schema
    .createTable('sign_in_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('mission_id', 'text')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
}
