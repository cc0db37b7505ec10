import { randomUUID } from 'node:crypto';
import type { Executor } from '../src/db/database.ts';
import { LEAD_STAGES } from '../src/domain/lead-schemas.ts';
import { seededRandom } from '../src/domain/random.ts';
import { SECTORS } from '../src/domain/sectors.ts';

/**
 * Fills a mission with `meetings` held or scheduled meetings between its registered people (with their
 * accepted requests) and `leads` leads from held ones, in bulk, for the dashboard's benchmark.
 */
export async function generateFollowUp(
  db: Executor,
  missionId: string,
  meetings: number,
  leads: number,
  seed = 5,
): Promise<void> {
  const random = seededRandom(seed);
  const people = await db
    .selectFrom('registrations')
    .select(['person_id', 'organization_id', 'side'])
    .where('mission_id', '=', missionId)
    .execute();
  const delegation = people.filter((p) => p.side === 'delegation');
  const host = people.filter((p) => p.side === 'host');
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)] as T;
  const now = new Date().toISOString();
  const sessionId = randomUUID();
  await db
    .insertInto('b2b_sessions')
    .values({
      id: sessionId,
      mission_id: missionId,
      title: 'Bench',
      slot_minutes: 30,
      fairness: 2,
      created_at: now,
    })
    .execute();
  const insert = async <T>(table: string, rows: T[]) => {
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto(table as never)
        .values(rows.slice(i, i + 500) as never)
        .execute();
  };
  const meetingRows = [];
  const participantRows = [];
  const requestRows = [];
  for (let i = 0; i < meetings; i++) {
    const a = pick(delegation);
    const b = pick(host);
    const id = randomUUID();
    meetingRows.push({
      id,
      mission_id: missionId,
      session_id: sessionId,
      status: random() < 0.9 ? 'held' : 'no_show',
      must_meet: 0,
      slot_index: null,
      table_id: null,
      starts_at: now,
      ends_at: now,
      sequence: 0,
      unscheduled_reason: null,
      check_in_code: randomUUID().replaceAll('-', ''),
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    participantRows.push({ meeting_id: id, person_id: a.person_id, organization_id: a.organization_id });
    participantRows.push({ meeting_id: id, person_id: b.person_id, organization_id: b.organization_id });
    requestRows.push({
      id: randomUUID(),
      mission_id: missionId,
      session_id: sessionId,
      requester_person_id: a.person_id,
      recipient_person_id: b.person_id,
      message: '',
      status: 'accepted',
      decline_reason: null,
      meeting_id: id,
      expires_at: now,
      created_at: now,
      answered_at: now,
    });
  }
  await insert('meetings', meetingRows);
  await insert('meeting_participants', participantRows);
  await insert('meeting_requests', requestRows);
  const leadRows = [];
  const orgRows = [];
  const meetingLinks = [];
  const missionLinks = [];
  for (let i = 0; i < leads; i++) {
    const m = meetingRows[i % meetingRows.length]!;
    const [a, b] = [
      participantRows[2 * (i % meetingRows.length)]!,
      participantRows[2 * (i % meetingRows.length) + 1]!,
    ];
    const stage = pick([...LEAD_STAGES]);
    const id = randomUUID();
    leadRows.push({
      id,
      mission_id: missionId,
      owner_organization_id: a.organization_id,
      owner_person_id: a.person_id,
      title: `Lead ${i + 1}`,
      type: 'export_sale',
      stage,
      abandon_reason: stage === 'abandoned' ? 'bench' : null,
      sector_code: pick(SECTORS.map((s) => s.code)),
      side: 'delegation',
      amount: Math.round(random() * 500_000),
      currency: random() < 0.5 ? 'EUR' : 'USD',
      jobs_projected: Math.floor(random() * 5),
      jobs_actual: stage === 'signed' ? Math.floor(random() * 4) : null,
      next_action: '',
      next_action_due: null,
      notes: '',
      evidence: random() < 0.5 ? 'confirmed' : 'declared',
      evidence_note: '',
      counterfactual: null,
      signed_on: stage === 'signed' ? `2027-0${1 + Math.floor(random() * 9)}-15` : null,
      story: '',
      story_public: 0,
      created_at: now,
      updated_at: now,
    });
    orgRows.push({ lead_id: id, organization_id: a.organization_id });
    if (b.organization_id !== a.organization_id)
      orgRows.push({ lead_id: id, organization_id: b.organization_id });
    meetingLinks.push({ lead_id: id, meeting_id: m.id });
    missionLinks.push({ lead_id: id, mission_id: missionId });
  }
  await insert('leads', leadRows);
  await insert('lead_organizations', orgRows);
  await insert('lead_meetings', meetingLinks);
  await insert('lead_missions', missionLinks);
  await db
    .insertInto('mission_rates')
    .values({ mission_id: missionId, currency: 'USD', rate: 0.92, recorded_on: '2027-01-05' })
    .execute();
}
