import ICAL from 'ical.js';
import type { Harness } from './harness.ts';

export const RETURN = '/api/v1/missions/miami-marseille-2027';

/** A registered person of a mission by e-mail, with the ids tests need. */
export async function personOf(h: Harness, slug: string, email: string) {
  return h.ctx.db.kysely
    .selectFrom('people as p')
    .innerJoin('registrations as r', 'r.person_id', 'p.id')
    .innerJoin('missions as m', 'm.id', 'r.mission_id')
    .select(['p.id', 'p.email', 'r.organization_id', 'r.side', 'm.id as mission_id'])
    .where('m.slug', '=', slug)
    .where('p.email', '=', email)
    .executeTakeFirstOrThrow();
}

/** People of a mission on one side who have no request or meeting with `personId` yet. */
export async function strangersOf(h: Harness, slug: string, personId: string, side: string) {
  const db = h.ctx.db.kysely;
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('registrations as r', 'r.person_id', 'p.id')
    .innerJoin('missions as m', 'm.id', 'r.mission_id')
    .select(['p.id', 'p.email', 'r.organization_id'])
    .where('m.slug', '=', slug)
    .where('r.side', '=', side)
    .orderBy('p.email')
    .execute();
  const related = new Set(
    (
      await db
        .selectFrom('meeting_requests')
        .select(['requester_person_id', 'recipient_person_id'])
        .where((eb) =>
          eb.or([eb('requester_person_id', '=', personId), eb('recipient_person_id', '=', personId)]),
        )
        .execute()
    ).flatMap((r) => [r.requester_person_id, r.recipient_person_id]),
  );
  return rows.filter((r) => !related.has(r.id) && r.id !== personId);
}

export const count = async (h: Harness, table: 'meeting_requests' | 'meetings' | 'unavailabilities') =>
  Number(
    (
      await h.ctx.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** The events of an ICS file, read back with a real parser. */
export function readIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((e) => ({
    uid: String(e.getFirstPropertyValue('uid')),
    sequence: Number(e.getFirstPropertyValue('sequence') ?? 0),
    status: String(e.getFirstPropertyValue('status') ?? ''),
    start: (e.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    summary: String(e.getFirstPropertyValue('summary')),
  }));
}

/** Starts a scheduling run and waits until it is done. */
export async function runScheduler(h: Harness, cookie: string, slug: string, sessionId: string) {
  const started = await h.app.inject({
    method: 'POST',
    url: `/api/v1/missions/${slug}/sessions/${sessionId}/runs`,
    headers: { cookie },
    payload: { timeLimitSeconds: 3 },
  });
  if (started.statusCode !== 202) throw new Error(`run refused: ${started.body}`);
  const id = started.json().id as string;
  for (let i = 0; i < 200; i++) {
    const r = await h.app.inject({
      url: `/api/v1/missions/${slug}/sessions/${sessionId}/runs/${id}`,
      headers: { cookie },
    });
    const run = r.json();
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the run did not finish');
}
