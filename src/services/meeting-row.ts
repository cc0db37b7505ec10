import { randomBytes } from 'node:crypto';
import { newId, nowIso } from '../db/ids.ts';
import type { MeetingRow } from '../db/meetings.repository.ts';

/** The code printed as a QR on the table sheet; it opens the meeting's check-in page. */
export const newCheckInCode = (): string => randomBytes(12).toString('base64url');

/** A meeting to schedule: accepted or booked, not yet in a slot. */
export function newMeetingRow(o: {
  missionId: string;
  sessionId: string;
  mustMeet?: boolean;
  createdBy?: string | null;
  at?: string;
  id?: string;
}): MeetingRow {
  const at = o.at ?? nowIso();
  return {
    id: o.id ?? newId(),
    mission_id: o.missionId,
    session_id: o.sessionId,
    status: 'unscheduled',
    must_meet: o.mustMeet ? 1 : 0,
    slot_index: null,
    table_id: null,
    starts_at: null,
    ends_at: null,
    sequence: 0,
    unscheduled_reason: null,
    check_in_code: newCheckInCode(),
    created_by: o.createdBy ?? null,
    created_at: at,
    updated_at: at,
  };
}
