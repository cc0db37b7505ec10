import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type MissionRow = Database['missions'];
export type TerritoryRow = Database['territories'];
export type TerritoryFactRow = Database['territory_facts'];

export function findMissionBySlug(db: Executor, slug: string): Promise<MissionRow | undefined> {
  return db.selectFrom('missions').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function listMissions(db: Executor, onlyIds?: string[]): Promise<MissionRow[]> {
  let q = db.selectFrom('missions').selectAll().orderBy('starts_on');
  if (onlyIds) {
    if (onlyIds.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', onlyIds);
  }
  return q.execute();
}

export async function countRegistrationsByMission(
  db: Executor,
): Promise<Map<string, { people: number; organizations: number }>> {
  const rows = await db
    .selectFrom('registrations')
    .select((eb) => [
      'mission_id',
      eb.fn.count<string>('person_id').as('people'),
      eb.fn.count<string>('organization_id').distinct().as('organizations'),
    ])
    .groupBy('mission_id')
    .execute();
  return new Map(
    rows.map((r) => [r.mission_id, { people: Number(r.people), organizations: Number(r.organizations) }]),
  );
}

export async function insertMission(db: Executor, row: MissionRow, sectorCodes: string[]): Promise<void> {
  await db.insertInto('missions').values(row).execute();
  if (sectorCodes.length > 0) {
    await db
      .insertInto('mission_sectors')
      .values(sectorCodes.map((code, position) => ({ mission_id: row.id, sector_code: code, position })))
      .execute();
  }
}

export function listMissionSectorCodes(db: Executor, missionId: string): Promise<string[]> {
  return db
    .selectFrom('mission_sectors')
    .select('sector_code')
    .where('mission_id', '=', missionId)
    .orderBy('position')
    .execute()
    .then((rows) => rows.map((r) => r.sector_code));
}

export function findTerritoryByName(db: Executor, name: string): Promise<TerritoryRow | undefined> {
  return db.selectFrom('territories').selectAll().where('name', '=', name).executeTakeFirst();
}

export function findTerritoryById(db: Executor, id: string): Promise<TerritoryRow | undefined> {
  return db.selectFrom('territories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTerritory(
  db: Executor,
  row: TerritoryRow,
  facts: TerritoryFactRow[],
): Promise<void> {
  await db.insertInto('territories').values(row).execute();
  if (facts.length > 0) await db.insertInto('territory_facts').values(facts).execute();
}

export function listTerritoryFacts(db: Executor, territoryId: string): Promise<TerritoryFactRow[]> {
  return db
    .selectFrom('territory_facts')
    .selectAll()
    .where('territory_id', '=', territoryId)
    .orderBy('position')
    .execute();
}

export function findPartnershipByTerritories(db: Executor, a: string, b: string) {
  return db
    .selectFrom('partnerships')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('territory_a_id', '=', a), eb('territory_b_id', '=', b)]),
        eb.and([eb('territory_a_id', '=', b), eb('territory_b_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
}

export async function insertPartnership(db: Executor, row: Database['partnerships']): Promise<void> {
  await db.insertInto('partnerships').values(row).execute();
}

export function listSectors(db: Executor) {
  return db.selectFrom('sectors').selectAll().orderBy('position').execute();
}

export function findMissionById(db: Executor, id: string): Promise<MissionRow | undefined> {
  return db.selectFrom('missions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateMissionSettings(
  db: Executor,
  id: string,
  patch: Partial<Pick<MissionRow, 'matching_weights' | 'request_expiry_hours' | 'max_pending_requests'>>,
): Promise<void> {
  await db.updateTable('missions').set(patch).where('id', '=', id).execute();
}
