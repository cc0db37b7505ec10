import { type Kysely, sql } from 'kysely';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Matchmaking and the meeting workflow: B2B sessions, availability, requests, meetings, scheduling runs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('target_countries', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('missions')
    .addColumn('matching_weights', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('missions')
    .addColumn('request_expiry_hours', 'integer', (c) => c.notNull().defaultTo(72))
    .execute();
  await db.schema
    .alterTable('missions')
    .addColumn('max_pending_requests', 'integer', (c) => c.notNull().defaultTo(20))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('notification_mode', 'text', (c) => c.notNull().defaultTo('immediate'))
    .execute();

  await db.schema
    .createTable('b2b_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('fairness', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('b2b_sessions_slot', sql`slot_minutes between 5 and 240`)
    .execute();

  await db.schema
    .createTable('b2b_session_days')
    .addColumn('session_id', 'text', (c) => c.notNull().references('b2b_sessions.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('breaks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('b2b_session_days_pk', ['session_id', 'day'])
    .addCheckConstraint('b2b_session_days_times', sql`ends_at > starts_at`)
    .execute();

  await db.schema
    .createTable('b2b_tables')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('b2b_sessions.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('owner_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addUniqueConstraint('b2b_tables_name', ['session_id', 'name'])
    .execute();

  await db.schema
    .createTable('unavailabilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('unavailabilities_times', sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex('unavailabilities_person')
    .on('unavailabilities')
    .columns(['mission_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('blocks')
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('blocked_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('blocks_pk', ['mission_id', 'person_id', 'blocked_person_id'])
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('b2b_sessions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('must_meet', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('slot_index', 'integer')
    .addColumn('table_id', 'text', (c) => c.references('b2b_tables.id').onDelete('set null'))
    .addColumn('starts_at', 'text')
    .addColumn('ends_at', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unscheduled_reason', 'text')
    .addColumn('check_in_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'meetings_status',
      inList('status', ['unscheduled', 'scheduled', 'held', 'no_show', 'cancelled']),
    )
    .addCheckConstraint('meetings_must_meet', sql`must_meet in (0, 1)`)
    .execute();
  await db.schema.createIndex('meetings_session').on('meetings').columns(['session_id', 'status']).execute();
  await db.schema.createIndex('meetings_mission').on('meetings').columns(['mission_id', 'status']).execute();

  await db.schema
    .createTable('meeting_participants')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('meeting_participants_pk', ['meeting_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('meeting_participants_person')
    .on('meeting_participants')
    .columns(['person_id', 'meeting_id'])
    .execute();

  await db.schema
    .createTable('meeting_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('b2b_sessions.id').onDelete('cascade'))
    .addColumn('requester_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('recipient_person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('message', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decline_reason', 'text')
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addCheckConstraint(
      'meeting_requests_status',
      inList('status', ['pending', 'accepted', 'declined', 'withdrawn', 'expired']),
    )
    .addCheckConstraint('meeting_requests_distinct', sql`requester_person_id <> recipient_person_id`)
    .execute();
  await db.schema
    .createIndex('meeting_requests_requester')
    .on('meeting_requests')
    .columns(['mission_id', 'requester_person_id', 'status'])
    .execute();
  await db.schema
    .createIndex('meeting_requests_recipient')
    .on('meeting_requests')
    .columns(['mission_id', 'recipient_person_id', 'status'])
    .execute();

  await db.schema
    .createTable('schedule_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('b2b_sessions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('time_limit_seconds', 'integer', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('published_at', 'text')
    .addCheckConstraint('schedule_runs_status', inList('status', ['running', 'done', 'failed', 'published']))
    .execute();
  await db.schema
    .createIndex('schedule_runs_session')
    .on('schedule_runs')
    .columns(['session_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_feeds_pk', ['mission_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mission_id', 'text', (c) => c.notNull().references('missions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_pending')
    .on('notifications')
    .columns(['sent_at', 'person_id'])
    .execute();
}
