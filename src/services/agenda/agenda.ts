import type { Executor } from '../../db/database.ts';
import {
  listMeetingsOfPeople,
  listMeetingsOfSession,
  type MeetingRow,
} from '../../db/meetings.repository.ts';
import type { MissionRow } from '../../db/missions.repository.ts';
import { listProgrammeOfMission, listSignupItemsOfPerson } from '../../db/programme.repository.ts';
import type { Language } from '../../domain/enums.ts';
import type { Agenda, AgendaEntry } from '../../domain/views.ts';
import { presentMeetings } from '../meetings.service.ts';

export type { Agenda, AgendaEntry };

const ON_AGENDA = ['scheduled', 'held', 'no_show'];

/**
 * Meeting rows as agenda entries: those on the agenda, and those that were published once and left it
 * (cancelled or unscheduled again) as `cancelled`, so calendars remove them.
 */
async function meetingEntries(db: Executor, rows: MeetingRow[], withCodes: boolean): Promise<AgendaEntry[]> {
  const shown = rows.filter(
    (m) => m.starts_at && m.ends_at && (ON_AGENDA.includes(m.status) || m.sequence > 0),
  );
  const views = await presentMeetings(db, shown, withCodes);
  return views.map((v, i) => {
    const row = shown[i] as MeetingRow;
    return {
      kind: 'meeting',
      id: v.id,
      status: ON_AGENDA.includes(v.status) ? v.status : 'cancelled',
      startsAt: row.starts_at as string,
      endsAt: row.ends_at as string,
      sequence: v.sequence,
      title: [...new Set(v.participants.map((p) => p.organization))].join(' · '),
      table: ON_AGENDA.includes(v.status) ? (v.table?.name ?? null) : null,
      venue: '',
      participants: v.participants,
      ...(v.checkInCode ? { checkInCode: v.checkInCode } : {}),
    };
  });
}

const byTime = (a: AgendaEntry, b: AgendaEntry) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);

export async function agendaOfPerson(
  db: Executor,
  mission: MissionRow,
  person: { id: string; name: string; organization: string; language: Language },
): Promise<Agenda> {
  const meetings = await meetingEntries(db, await listMeetingsOfPeople(db, mission.id, [person.id]), false);
  const signedUp = new Set(await listSignupItemsOfPerson(db, mission.id, person.id));
  const programme = (await listProgrammeOfMission(db, mission.id))
    .filter((p) => signedUp.has(p.id))
    .map(
      (p): AgendaEntry => ({
        kind: 'programme',
        id: p.id,
        status: 'programme',
        startsAt: p.starts_at,
        endsAt: p.ends_at,
        sequence: 0,
        title: person.language === 'fr' ? p.title_fr : p.title_en,
        table: null,
        venue: p.venue,
        participants: [],
      }),
    );
  return {
    mission: { slug: mission.slug, title: mission.title, timezone: mission.timezone },
    owner: { kind: 'person', id: person.id, name: person.name, organization: person.organization },
    language: person.language,
    entries: [...meetings, ...programme].sort(byTime),
  };
}

export async function agendaOfOrganization(
  db: Executor,
  mission: MissionRow,
  organization: { id: string; name: string },
  personIds: string[],
  language: Language,
): Promise<Agenda> {
  const meetings = await meetingEntries(db, await listMeetingsOfPeople(db, mission.id, personIds), false);
  return {
    mission: { slug: mission.slug, title: mission.title, timezone: mission.timezone },
    owner: { kind: 'organization', id: organization.id, name: organization.name },
    language,
    entries: meetings.filter((e) => e.status !== 'cancelled').sort(byTime),
  };
}

/** A table's sheet for the venue: its meetings in time order, with the check-in codes for the QR codes. */
export async function agendaOfTable(
  db: Executor,
  mission: MissionRow,
  sessionId: string,
  table: { id: string; name: string },
  language: Language,
): Promise<Agenda> {
  const rows = (await listMeetingsOfSession(db, sessionId)).filter(
    (m) => m.table_id === table.id && ON_AGENDA.includes(m.status),
  );
  return {
    mission: { slug: mission.slug, title: mission.title, timezone: mission.timezone },
    owner: { kind: 'table', id: table.id, name: table.name },
    language,
    entries: (await meetingEntries(db, rows, true)).sort(byTime),
  };
}
