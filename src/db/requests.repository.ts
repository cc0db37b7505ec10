import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type RequestRow = Database['meeting_requests'];

export async function insertRequest(db: Executor, row: RequestRow): Promise<void> {
  await db.insertInto('meeting_requests').values(row).execute();
}

export function findRequest(db: Executor, missionId: string, id: string): Promise<RequestRow | undefined> {
  return db
    .selectFrom('meeting_requests')
    .selectAll()
    .where('mission_id', '=', missionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateRequestRow(
  db: Executor,
  id: string,
  patch: Partial<Pick<RequestRow, 'status' | 'decline_reason' | 'answered_at' | 'meeting_id'>>,
  expectedStatus: string,
): Promise<boolean> {
  const r = await db
    .updateTable('meeting_requests')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the mission's pending requests past their deadline as expired; returns how many. */
export async function expireRequests(db: Executor, missionId: string, now: string): Promise<number> {
  const r = await db
    .updateTable('meeting_requests')
    .set({ status: 'expired', answered_at: now })
    .where('mission_id', '=', missionId)
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function countPendingOutgoing(
  db: Executor,
  missionId: string,
  personId: string,
): Promise<number> {
  const r = await db
    .selectFrom('meeting_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('mission_id', '=', missionId)
    .where('requester_person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A pending request between the two people, in either direction. */
export function findPendingBetween(
  db: Executor,
  missionId: string,
  a: string,
  b: string,
): Promise<RequestRow | undefined> {
  return db
    .selectFrom('meeting_requests')
    .selectAll()
    .where('mission_id', '=', missionId)
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb.and([eb('requester_person_id', '=', a), eb('recipient_person_id', '=', b)]),
        eb.and([eb('requester_person_id', '=', b), eb('recipient_person_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

/** Requests a person sent or received in a mission, newest first, with the other party's names. */
export function listRequestsOfPerson(db: Executor, missionId: string, personId: string) {
  return requestsWithNames(db, missionId)
    .where((eb) =>
      eb.or([eb('q.requester_person_id', '=', personId), eb('q.recipient_person_id', '=', personId)]),
    )
    .execute();
}

export function listRequestsOfMission(db: Executor, missionId: string, status?: string) {
  let q = requestsWithNames(db, missionId);
  if (status) q = q.where('q.status', '=', status);
  return q.execute();
}

function requestsWithNames(db: Executor, missionId: string) {
  return db
    .selectFrom('meeting_requests as q')
    .innerJoin('people as a', 'a.id', 'q.requester_person_id')
    .innerJoin('organizations as ao', 'ao.id', 'a.organization_id')
    .innerJoin('people as b', 'b.id', 'q.recipient_person_id')
    .innerJoin('organizations as bo', 'bo.id', 'b.organization_id')
    .selectAll('q')
    .select([
      'a.first_name as requester_first_name',
      'a.last_name as requester_last_name',
      'ao.id as requester_organization_id',
      'ao.name as requester_organization',
      'b.first_name as recipient_first_name',
      'b.last_name as recipient_last_name',
      'bo.id as recipient_organization_id',
      'bo.name as recipient_organization',
    ])
    .where('q.mission_id', '=', missionId)
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id');
}

export async function insertBlock(db: Executor, row: Database['blocks']): Promise<void> {
  await db
    .insertInto('blocks')
    .values(row)
    .onConflict((oc) => oc.columns(['mission_id', 'person_id', 'blocked_person_id']).doNothing())
    .execute();
}

export async function deleteBlock(
  db: Executor,
  missionId: string,
  personId: string,
  blocked: string,
): Promise<void> {
  await db
    .deleteFrom('blocks')
    .where('mission_id', '=', missionId)
    .where('person_id', '=', personId)
    .where('blocked_person_id', '=', blocked)
    .execute();
}

/** True when either person has blocked the other in the mission. */
export async function isBlockedEitherWay(
  db: Executor,
  missionId: string,
  a: string,
  b: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('person_id')
    .where('mission_id', '=', missionId)
    .where((eb) =>
      eb.or([
        eb.and([eb('person_id', '=', a), eb('blocked_person_id', '=', b)]),
        eb.and([eb('person_id', '=', b), eb('blocked_person_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export function listBlocksOfPerson(db: Executor, missionId: string, personId: string) {
  return db
    .selectFrom('blocks as k')
    .innerJoin('people as p', 'p.id', 'k.blocked_person_id')
    .innerJoin('organizations as o', 'o.id', 'p.organization_id')
    .select([
      'k.blocked_person_id',
      'p.first_name',
      'p.last_name',
      'o.id as organization_id',
      'o.name as organization_name',
    ])
    .where('k.mission_id', '=', missionId)
    .where('k.person_id', '=', personId)
    .execute();
}
