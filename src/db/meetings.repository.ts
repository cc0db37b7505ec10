import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type MeetingRow = Database['meetings'];
export type MeetingParticipantRow = Database['meeting_participants'];

/** A meeting's participant with the names that agendas print. */
export interface ParticipantDetail {
  meeting_id: string;
  person_id: string;
  organization_id: string;
  first_name: string;
  last_name: string;
  email: string;
  language: string;
  organization_name: string;
}

export async function insertMeeting(
  db: Executor,
  row: MeetingRow,
  participants: MeetingParticipantRow[],
): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
  await db.insertInto('meeting_participants').values(participants).execute();
}

export async function addMeetingParticipant(db: Executor, row: MeetingParticipantRow): Promise<void> {
  await db.insertInto('meeting_participants').values(row).execute();
}

export function findMeeting(db: Executor, missionId: string, id: string): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('mission_id', '=', missionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMeetingByCheckInCode(db: Executor, code: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('check_in_code', '=', code).executeTakeFirst();
}

export async function updateMeetingRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<MeetingRow, 'id' | 'mission_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('meetings').set(patch).where('id', '=', id).execute();
}

export function listMeetingsOfSession(db: Executor, sessionId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listMeetingsOfMission(db: Executor, missionId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('mission_id', '=', missionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Meetings of a mission where one of `personIds` takes part. */
export function listMeetingsOfPeople(
  db: Executor,
  missionId: string,
  personIds: string[],
): Promise<MeetingRow[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetings as m')
    .selectAll('m')
    .where('m.mission_id', '=', missionId)
    .where('m.id', 'in', (eb) =>
      eb.selectFrom('meeting_participants').select('meeting_id').where('person_id', 'in', personIds),
    )
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .execute();
}

export async function listParticipantDetails(
  db: Executor,
  meetingIds: string[],
): Promise<ParticipantDetail[]> {
  const out: ParticipantDetail[] = [];
  for (let i = 0; i < meetingIds.length; i += 500) {
    const chunk = meetingIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('meeting_participants as mp')
        .innerJoin('people as p', 'p.id', 'mp.person_id')
        .innerJoin('organizations as o', 'o.id', 'mp.organization_id')
        .select([
          'mp.meeting_id',
          'mp.person_id',
          'mp.organization_id',
          'p.first_name',
          'p.last_name',
          'p.email',
          'p.language',
          'o.name as organization_name',
        ])
        .where('mp.meeting_id', 'in', chunk)
        .orderBy('o.name')
        .orderBy('p.last_name')
        .execute()),
    );
  }
  return out;
}

export function listParticipantsOfSession(db: Executor, sessionId: string): Promise<MeetingParticipantRow[]> {
  return db
    .selectFrom('meeting_participants as mp')
    .innerJoin('meetings as m', 'm.id', 'mp.meeting_id')
    .select(['mp.meeting_id', 'mp.person_id', 'mp.organization_id'])
    .where('m.session_id', '=', sessionId)
    .execute();
}

/** An open meeting (not cancelled) of the session between exactly these people, if any. */
export async function findOpenMeetingBetween(
  db: Executor,
  sessionId: string,
  a: string,
  b: string,
): Promise<MeetingRow | undefined> {
  return db
    .selectFrom('meetings as m')
    .selectAll('m')
    .where('m.session_id', '=', sessionId)
    .where('m.status', '<>', 'cancelled')
    .where('m.id', 'in', (eb) =>
      eb.selectFrom('meeting_participants').select('meeting_id').where('person_id', '=', a),
    )
    .where('m.id', 'in', (eb) =>
      eb.selectFrom('meeting_participants').select('meeting_id').where('person_id', '=', b),
    )
    .executeTakeFirst();
}

/** Open meetings of the session where someone of `organizationId` meets `personId`. */
export function listOpenMeetingsOfOrganizationWith(
  db: Executor,
  sessionId: string,
  organizationId: string,
  personId: string,
): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings as m')
    .selectAll('m')
    .where('m.session_id', '=', sessionId)
    .where('m.status', 'in', ['unscheduled', 'scheduled'])
    .where('m.id', 'in', (eb) =>
      eb
        .selectFrom('meeting_participants')
        .select('meeting_id')
        .where('organization_id', '=', organizationId),
    )
    .where('m.id', 'in', (eb) =>
      eb.selectFrom('meeting_participants').select('meeting_id').where('person_id', '=', personId),
    )
    .execute();
}
