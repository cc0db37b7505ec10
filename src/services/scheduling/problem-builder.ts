import type { MeetingParticipantRow, MeetingRow } from '../../db/meetings.repository.ts';
import { pushTo } from '../../domain/collections.ts';
import { isAvailable } from '../../domain/slots.ts';
import type { Meeting, SchedulingProblem } from '../../scheduler/problem.ts';
import type { Availability } from '../availability.service.ts';
import type { SessionView } from '../sessions.service.ts';

/** Must-meet meetings weigh this much more than normal ones in the scheduler's first objective. */
export const MUST_MEET_WEIGHT = 10;

export interface BuiltProblem {
  problem: SchedulingProblem;
  meetingIds: string[];
  personIds: string[];
  /** The published slot and table of each meeting, -1 where it has none, for re-scheduling. */
  keep: { slots: number[]; tables: number[] } | undefined;
}

/**
 * The scheduler's problem for the open meetings of a session: people become participant numbers,
 * availability becomes unavailable slots, owned tables stay with their hosts, published meetings are
 * kept where they stand when possible.
 */
export function buildProblem(
  session: SessionView,
  meetings: MeetingRow[],
  participants: MeetingParticipantRow[],
  availability: ReadonlyMap<string, Availability>,
): BuiltProblem {
  const open = meetings.filter((m) => m.status === 'unscheduled' || m.status === 'scheduled');
  const peopleOf = new Map<string, string[]>();
  for (const p of participants) pushTo(peopleOf, p.meeting_id, p.person_id);
  const personIds: string[] = [];
  const indexOf = new Map<string, number>();
  const idx = (personId: string) => {
    let i = indexOf.get(personId);
    if (i === undefined) {
      i = personIds.length;
      personIds.push(personId);
      indexOf.set(personId, i);
    }
    return i;
  };
  const problemMeetings: Meeting[] = open.map((m) => ({
    participants: (peopleOf.get(m.id) ?? []).map(idx),
    weight: m.must_meet ? MUST_MEET_WEIGHT : 1,
    session: 'any',
  }));
  const tableOwners = session.tables.map((t) =>
    t.ownerPersonId && indexOf.has(t.ownerPersonId) ? idx(t.ownerPersonId) : null,
  );
  const unavailable = personIds.map((pid) => {
    const a = availability.get(pid);
    if (!a) return [];
    return session.slots.filter((s) => !isAvailable(s, a.presenceDays, a.unavailable)).map((s) => s.index);
  });
  const dayLengths: number[] = [];
  let morningSlots = 0;
  for (const s of session.slots) {
    const last = session.slots[s.index - 1];
    if (!last || last.day !== s.day) dayLengths.push(0);
    dayLengths[dayLengths.length - 1]! += 1;
    if (s.day === session.slots[0]?.day && s.isMorning) morningSlots++;
  }
  const tableIndex = new Map(session.tables.map((t, i) => [t.id, i]));
  const published = open.some((m) => m.status === 'scheduled');
  const keep = published
    ? {
        slots: open.map((m) => (m.status === 'scheduled' && m.slot_index !== null ? m.slot_index : -1)),
        tables: open.map((m) =>
          m.status === 'scheduled' && m.table_id ? (tableIndex.get(m.table_id) ?? -1) : -1,
        ),
      }
    : undefined;
  return {
    problem: {
      participants: personIds.length,
      slots: session.slots.length,
      dayLengths,
      morningSlots,
      tables: session.tables.length,
      tableOwners,
      meetings: problemMeetings,
      unavailable,
      fairness: session.fairness,
    },
    meetingIds: open.map((m) => m.id),
    personIds,
    keep,
  };
}
