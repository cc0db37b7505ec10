import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type UnavailabilityRow = Database['unavailabilities'];

export function listUnavailabilitiesOfPerson(db: Executor, missionId: string, personId: string) {
  return db
    .selectFrom('unavailabilities')
    .selectAll()
    .where('mission_id', '=', missionId)
    .where('person_id', '=', personId)
    .orderBy('starts_at')
    .execute();
}

export function listUnavailabilitiesOfMission(db: Executor, missionId: string): Promise<UnavailabilityRow[]> {
  return db.selectFrom('unavailabilities').selectAll().where('mission_id', '=', missionId).execute();
}

export async function replaceUnavailabilities(
  db: Executor,
  missionId: string,
  personId: string,
  rows: UnavailabilityRow[],
): Promise<void> {
  await db
    .deleteFrom('unavailabilities')
    .where('mission_id', '=', missionId)
    .where('person_id', '=', personId)
    .execute();
  if (rows.length > 0) await db.insertInto('unavailabilities').values(rows).execute();
}

export async function setPresenceDays(
  db: Executor,
  missionId: string,
  personId: string,
  days: string[],
): Promise<void> {
  await db
    .updateTable('registrations')
    .set({ presence_days: JSON.stringify(days) })
    .where('mission_id', '=', missionId)
    .where('person_id', '=', personId)
    .execute();
}

export function listRegistrationsWithPresence(db: Executor, missionId: string) {
  return db
    .selectFrom('registrations')
    .select(['person_id', 'organization_id', 'side', 'presence_days'])
    .where('mission_id', '=', missionId)
    .execute();
}
