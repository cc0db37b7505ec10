/** What the meeting-workflow routes answer, as the web app reads it. */

export type Reason =
  | { kind: 'sectors'; sectors: string[] }
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
  side: 'delegation' | 'host';
  score: number;
  reasons: Reason[];
  people: { personId: string; name: string; title: string }[];
}

interface Party {
  personId: string;
  name: string;
  organizationId: string;
  organization: string;
}

export interface MeetingRequest {
  id: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired';
  direction: 'incoming' | 'outgoing' | null;
  requester: Party;
  recipient: Party;
  message: string;
  declineReason: string | null;
  meetingId: string | null;
  expiresAt: string;
  createdAt: string;
}

export interface AgendaEntry {
  kind: 'meeting' | 'programme';
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  sequence: number;
  title: string;
  table: string | null;
  venue: string;
  participants: Party[];
}

export interface Agenda {
  mission: { slug: string; title: string; timezone: string };
  owner: { kind: string; id: string; name: string; organization?: string };
  entries: AgendaEntry[];
}

export interface Slot {
  index: number;
  day: string;
  localStart: string;
  localEnd: string;
  startsAt: string;
  endsAt: string;
}

export interface Session {
  id: string;
  title: string;
  slotMinutes: number;
  timezone: string;
  days: { day: string; startsAt: string; endsAt: string; breaks: [string, string][] }[];
  slots: Slot[];
  tables: { id: string; name: string; ownerPersonId: string | null }[];
}

export interface Meeting {
  id: string;
  sessionId: string;
  status: string;
  mustMeet: boolean;
  slotIndex: number | null;
  startsAt: string | null;
  table: { id: string; name: string } | null;
  unscheduledReason: string | null;
  participants: Party[];
}

export interface Run {
  id: string;
  status: 'running' | 'done' | 'failed' | 'published';
  progress: number;
  timeLimitSeconds: number;
  error: string | null;
  createdAt: string;
  figures: {
    solverStatus?: string;
    meetings?: number;
    scheduled?: number;
    unscheduled?: number;
    breaks?: number;
    lowerBound: number;
    moved?: number;
    seconds?: number;
  } | null;
  assignments?: { meetingId: string; slotIndex: number; tableId: string }[];
  unscheduled?: { meetingId: string; reason: string }[];
}
