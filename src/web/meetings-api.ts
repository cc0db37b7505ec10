/** What the meeting-workflow routes answer, as the web app reads it. */
import type { Slot } from '../domain/slots.ts';
import type {
  Agenda,
  AgendaEntry,
  MeetingParty,
  MeetingView,
  Reason,
  Recommendation as RecommendationBase,
} from '../domain/views.ts';

export type { Agenda, AgendaEntry, Reason, Slot };

export interface Recommendation extends RecommendationBase {
  people: { personId: string; name: string; title: string }[];
}

export interface MeetingRequest {
  id: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired';
  direction: 'incoming' | 'outgoing' | null;
  requester: MeetingParty;
  recipient: MeetingParty;
  message: string;
  declineReason: string | null;
  meetingId: string | null;
  expiresAt: string;
  createdAt: string;
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

export type Meeting = MeetingView;

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
