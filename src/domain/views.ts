import type { Language, Side } from './enums.ts';

/** What the API answers about matchmaking and agendas: shared by the services and the web app. */

/** Why a counterpart is recommended. */
export type Reason =
  | { kind: 'sectors'; sectors: string[] }
  /** An offer of one answers a request of the other; `direction` says whose request. */
  | {
      kind: 'answers';
      direction: 'their_offer_your_request' | 'your_offer_their_request';
      offer: string;
      request: string;
      terms: string[];
    }
  | { kind: 'terms'; terms: string[] }
  | { kind: 'country'; direction: 'you_target_them' | 'they_target_you'; country: string };

export interface Recommendation {
  id: string;
  name: string;
  side: Side;
  score: number;
  reasons: Reason[];
}

/** A person in a meeting, with their organization. */
export interface MeetingParty {
  personId: string;
  name: string;
  organizationId: string;
  organization: string;
}

export interface MeetingView {
  id: string;
  sessionId: string;
  status: string;
  mustMeet: boolean;
  slotIndex: number | null;
  startsAt: string | null;
  endsAt: string | null;
  table: { id: string; name: string } | null;
  sequence: number;
  unscheduledReason: string | null;
  participants: MeetingParty[];
  checkInCode?: string;
}

/** One line of an agenda: a meeting or a programme item, instants in UTC. */
export interface AgendaEntry {
  kind: 'meeting' | 'programme';
  id: string;
  /** scheduled, held, no_show, cancelled (a meeting that left the agenda), or `programme`. */
  status: string;
  startsAt: string;
  endsAt: string;
  sequence: number;
  title: string;
  table: string | null;
  venue: string;
  participants: MeetingParty[];
  checkInCode?: string;
}

export interface Agenda {
  mission: { slug: string; title: string; timezone: string };
  owner: { kind: 'person' | 'organization' | 'table'; id: string; name: string; organization?: string };
  language: Language;
  entries: AgendaEntry[];
}
