import ical, { ICalEventStatus } from 'ical-generator';
import type { Agenda } from './agenda.ts';

/**
 * The agenda as an iCalendar file. Instants are written in UTC, so every calendar shows them in its
 * own timezone; each meeting keeps its UID and its SEQUENCE grows with every change, so a calendar
 * replaces the event instead of adding a second one; meetings that left the agenda go out CANCELLED.
 */
export function agendaToIcs(agenda: Agenda, host: string): string {
  const fr = agenda.language === 'fr';
  const cal = ical({
    name: `${agenda.mission.title} · ${agenda.owner.name}`,
    prodId: { company: 'Escale', product: 'Escale agenda', language: fr ? 'FR' : 'EN' },
  });
  for (const e of agenda.entries) {
    const others = e.participants.filter((p) => p.personId !== agenda.owner.id);
    const table = e.table ? (fr ? `Table ${e.table}` : `Table ${e.table}`) : '';
    cal.createEvent({
      id: `${e.kind}-${e.id}@${host}`,
      sequence: e.sequence,
      start: new Date(e.startsAt),
      end: new Date(e.endsAt),
      summary: e.kind === 'meeting' ? `${fr ? 'Rendez-vous' : 'Meeting'}: ${e.title}` : e.title,
      description: others.map((p) => `${p.name} (${p.organization})`).join('\n'),
      location: [table, e.venue].filter(Boolean).join(' · ') || null,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
