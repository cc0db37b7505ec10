import type { Language } from '../../domain/enums.ts';
import { utcToZoned } from '../../domain/time.ts';

/** What a notification says; the payload is stored as JSON with the notification. */
export type NotificationPayload =
  | { kind: 'request_received'; from: string; organization: string; message: string }
  | { kind: 'request_answered'; by: string; organization: string; accepted: boolean; reason: string | null }
  | { kind: 'schedule_published'; meetings: number }
  | { kind: 'agenda_changed'; changes: AgendaChange[] };

export interface AgendaChange {
  with: string;
  /** UTC instants, or null when unscheduled or cancelled. */
  before: string | null;
  after: string | null;
  table: string | null;
  cancelled: boolean;
}

const when = (iso: string | null, timeZone: string, fr: boolean): string => {
  if (!iso) return fr ? 'non planifié' : 'not scheduled';
  const { day, time } = utcToZoned(new Date(iso), timeZone);
  return `${day} ${time}`;
};

/** One line per notification, in the recipient's language; the digest strings several together. */
export function describe(p: NotificationPayload, language: Language, timeZone: string): string {
  const fr = language === 'fr';
  switch (p.kind) {
    case 'request_received':
      return fr
        ? `${p.from} (${p.organization}) vous demande un rendez-vous.${p.message ? ` Message : « ${p.message} »` : ''}`
        : `${p.from} (${p.organization}) asks you for a meeting.${p.message ? ` Message: "${p.message}"` : ''}`;
    case 'request_answered':
      if (p.accepted) {
        return fr
          ? `${p.by} (${p.organization}) a accepté votre demande de rendez-vous.`
          : `${p.by} (${p.organization}) accepted your meeting request.`;
      }
      return fr
        ? `${p.by} (${p.organization}) a décliné votre demande de rendez-vous.${p.reason ? ` Motif : ${p.reason}` : ''}`
        : `${p.by} (${p.organization}) declined your meeting request.${p.reason ? ` Reason: ${p.reason}` : ''}`;
    case 'schedule_published':
      return fr
        ? `Le planning des rendez-vous est publié : ${p.meetings} rendez-vous à votre agenda.`
        : `The meeting schedule is published: ${p.meetings} meetings in your agenda.`;
    case 'agenda_changed':
      return p.changes
        .map((c) =>
          c.cancelled
            ? fr
              ? `Annulé : votre rendez-vous avec ${c.with} (${when(c.before, timeZone, fr)}).`
              : `Cancelled: your meeting with ${c.with} (${when(c.before, timeZone, fr)}).`
            : fr
              ? `Modifié : votre rendez-vous avec ${c.with} passe de ${when(c.before, timeZone, fr)} à ${when(c.after, timeZone, fr)}${c.table ? `, table ${c.table}` : ''}.`
              : `Changed: your meeting with ${c.with} moves from ${when(c.before, timeZone, fr)} to ${when(c.after, timeZone, fr)}${c.table ? `, table ${c.table}` : ''}.`,
        )
        .join('\n');
  }
}

export function subjectOf(p: NotificationPayload, language: Language, mission: string): string {
  const fr = language === 'fr';
  const subjects: Record<NotificationPayload['kind'], [string, string]> = {
    request_received: ['Nouvelle demande de rendez-vous', 'New meeting request'],
    request_answered: [
      p.kind === 'request_answered' && p.accepted ? 'Rendez-vous accepté' : 'Réponse à votre demande',
      p.kind === 'request_answered' && p.accepted ? 'Meeting accepted' : 'Answer to your request',
    ],
    schedule_published: ['Votre agenda de rendez-vous est prêt', 'Your meeting agenda is ready'],
    agenda_changed: ['Votre agenda a changé', 'Your agenda changed'],
  };
  return `${subjects[p.kind][fr ? 0 : 1]} · ${mission}`;
}
