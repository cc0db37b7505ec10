import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type OrganizationRow = Database['organizations'];
export type OpportunityRow = Database['opportunities'];
export type OrganizationInMissionRow = OrganizationRow & { side: string };

function registeredOrganizations(db: Executor, missionId: string, side: string | undefined, ids?: string[]) {
  let q = db
    .selectFrom('registrations')
    .select(['organization_id', (eb) => eb.fn.min('side').as('side')])
    .where('mission_id', '=', missionId)
    .groupBy('organization_id');
  if (side) q = q.where('side', '=', side);
  if (ids) q = q.where('organization_id', 'in', ids);
  return q;
}

export function findOrganizationInMission(
  db: Executor,
  missionId: string,
  organizationId: string,
): Promise<OrganizationInMissionRow | undefined> {
  return db
    .selectFrom('organizations as o')
    .innerJoin(
      registeredOrganizations(db, missionId, undefined, [organizationId]).as('r'),
      'r.organization_id',
      'o.id',
    )
    .selectAll('o')
    .select('r.side')
    .where('o.id', '=', organizationId)
    .executeTakeFirst() as Promise<OrganizationInMissionRow | undefined>;
}

export async function listSectorsOfOrganizations(
  db: Executor,
  ids: string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('organization_sectors as os')
    .innerJoin('sectors as s', 's.code', 'os.sector_code')
    .select(['os.organization_id', 'os.sector_code'])
    .where('os.organization_id', 'in', ids)
    .orderBy('s.position')
    .execute();
  for (const r of rows) out.get(r.organization_id)?.push(r.sector_code);
  return out;
}

export function listOpportunitiesOfOrganization(
  db: Executor,
  organizationId: string,
): Promise<OpportunityRow[]> {
  return db
    .selectFrom('opportunities')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('kind')
    .orderBy('position')
    .execute();
}

export async function updateOrganizationRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<OrganizationRow, 'id'>>,
): Promise<void> {
  await db.updateTable('organizations').set(patch).where('id', '=', id).execute();
}

export async function replaceOrganizationSectors(db: Executor, id: string, codes: string[]): Promise<void> {
  await db.deleteFrom('organization_sectors').where('organization_id', '=', id).execute();
  if (codes.length > 0) {
    await db
      .insertInto('organization_sectors')
      .values(codes.map((sector_code) => ({ organization_id: id, sector_code })))
      .execute();
  }
}

export async function replaceOpportunities(db: Executor, id: string, rows: OpportunityRow[]): Promise<void> {
  await db.deleteFrom('opportunities').where('organization_id', '=', id).execute();
  if (rows.length > 0) await db.insertInto('opportunities').values(rows).execute();
}

/** Counts the mission's organizations per sector and side, for the overview. */
export function countOrganizationsBySectorAndSide(db: Executor, missionId: string) {
  return db
    .selectFrom('organization_sectors as os')
    .innerJoin(
      registeredOrganizations(db, missionId, undefined).as('r'),
      'r.organization_id',
      'os.organization_id',
    )
    .select(['os.sector_code', 'r.side', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['os.sector_code', 'r.side'])
    .execute();
}

/** Marks the directory of every mission the organization takes part in as changed. */
export async function bumpDirectoryVersionOfOrganization(
  db: Executor,
  organizationId: string,
): Promise<void> {
  await db
    .updateTable('missions')
    .set((eb) => ({ directory_version: eb('directory_version', '+', 1) }))
    .where('id', 'in', (eb) =>
      eb.selectFrom('registrations').select('mission_id').where('organization_id', '=', organizationId),
    )
    .execute();
}

export async function bumpDirectoryVersionOfMission(db: Executor, missionId: string): Promise<void> {
  await db
    .updateTable('missions')
    .set((eb) => ({ directory_version: eb('directory_version', '+', 1) }))
    .where('id', '=', missionId)
    .execute();
}

/** What the directory search needs of every organization of a mission, in name order. */
export async function listDirectoryEntries(db: Executor, missionId: string) {
  const [orgs, sectors] = await Promise.all([
    db
      .selectFrom('organizations as o')
      .innerJoin(registeredOrganizations(db, missionId, undefined).as('r'), 'r.organization_id', 'o.id')
      .select([
        'o.id',
        'o.name',
        'o.kind',
        'o.country',
        'o.city',
        'o.description',
        'o.description_language',
        'o.search_text',
        'r.side',
      ])
      .orderBy('o.name_key')
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('organization_sectors as os')
      .innerJoin('sectors as s', 's.code', 'os.sector_code')
      .select(['os.organization_id', 'os.sector_code'])
      .where('os.organization_id', 'in', (eb) =>
        eb.selectFrom('registrations').select('organization_id').where('mission_id', '=', missionId),
      )
      .orderBy('s.position')
      .execute(),
  ]);
  return { orgs, sectors };
}

/** What the recommendation engine needs of a mission's organizations: profiles, sectors, offers and requests. */
export async function listMatchingData(db: Executor, missionId: string) {
  const inMission = db
    .selectFrom('registrations')
    .select('organization_id')
    .where('mission_id', '=', missionId);
  const [orgs, sectors, opportunities, people] = await Promise.all([
    db
      .selectFrom('organizations as o')
      .innerJoin(registeredOrganizations(db, missionId, undefined).as('r'), 'r.organization_id', 'o.id')
      .select([
        'o.id',
        'o.name',
        'o.country',
        'o.description',
        'o.description_language',
        'o.target_countries',
        'r.side',
      ])
      .orderBy('o.name_key')
      .execute(),
    db
      .selectFrom('organization_sectors')
      .select(['organization_id', 'sector_code'])
      .where('organization_id', 'in', inMission)
      .execute(),
    db
      .selectFrom('opportunities')
      .select(['organization_id', 'kind', 'text', 'language'])
      .where('organization_id', 'in', inMission)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('registrations as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select(['p.id', 'p.first_name', 'p.last_name', 'p.title', 'r.organization_id'])
      .where('r.mission_id', '=', missionId)
      .orderBy('p.last_name')
      .execute(),
  ]);
  return { orgs, sectors, opportunities, people };
}
