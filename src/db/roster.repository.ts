import type { Executor } from './database.ts';
import type { OpportunityRow, OrganizationRow } from './organizations.repository.ts';
import type { PersonRow, RegistrationRow } from './people.repository.ts';

/** Bulk reads and writes of a mission's participants, for spreadsheet import and export. */

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function findOrganizationsByNameKeys(db: Executor, keys: string[]): Promise<OrganizationRow[]> {
  const out: OrganizationRow[] = [];
  for (const part of chunks([...new Set(keys)])) {
    out.push(...(await db.selectFrom('organizations').selectAll().where('name_key', 'in', part).execute()));
  }
  return out;
}

export async function findPeopleByEmails(db: Executor, emails: string[]): Promise<PersonRow[]> {
  const out: PersonRow[] = [];
  for (const part of chunks([...new Set(emails)])) {
    out.push(...(await db.selectFrom('people').selectAll().where('email', 'in', part).execute()));
  }
  return out;
}

export async function listSectorRowsOfOrganizations(db: Executor, ids: string[]) {
  const out: { organization_id: string; sector_code: string }[] = [];
  for (const part of chunks(ids)) {
    out.push(
      ...(await db
        .selectFrom('organization_sectors')
        .selectAll()
        .where('organization_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

export async function listOpportunitiesOfOrganizations(
  db: Executor,
  ids: string[],
): Promise<OpportunityRow[]> {
  const out: OpportunityRow[] = [];
  for (const part of chunks(ids)) {
    out.push(
      ...(await db
        .selectFrom('opportunities')
        .selectAll()
        .where('organization_id', 'in', part)
        .orderBy('position')
        .execute()),
    );
  }
  return out;
}

export function listRegistrationsOfMission(db: Executor, missionId: string): Promise<RegistrationRow[]> {
  return db.selectFrom('registrations').selectAll().where('mission_id', '=', missionId).execute();
}

export async function listOrganizationsOfMission(
  db: Executor,
  missionId: string,
): Promise<OrganizationRow[]> {
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb.selectFrom('registrations').select('organization_id').where('mission_id', '=', missionId),
    )
    .execute();
}

export async function listPeopleOfMission(db: Executor, missionId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', (eb) =>
      eb.selectFrom('registrations').select('person_id').where('mission_id', '=', missionId),
    )
    .execute();
}

export async function insertOrganizations(db: Executor, rows: OrganizationRow[]): Promise<void> {
  for (const part of chunks(rows, 200)) await db.insertInto('organizations').values(part).execute();
}

export async function insertPeople(db: Executor, rows: PersonRow[]): Promise<void> {
  for (const part of chunks(rows, 300)) await db.insertInto('people').values(part).execute();
}

export async function insertRegistrations(db: Executor, rows: RegistrationRow[]): Promise<void> {
  for (const part of chunks(rows, 400)) await db.insertInto('registrations').values(part).execute();
}

export async function insertOrganizationSectors(
  db: Executor,
  rows: { organization_id: string; sector_code: string }[],
): Promise<void> {
  for (const part of chunks(rows, 1000)) await db.insertInto('organization_sectors').values(part).execute();
}

export async function insertOpportunities(db: Executor, rows: OpportunityRow[]): Promise<void> {
  for (const part of chunks(rows, 400)) await db.insertInto('opportunities').values(part).execute();
}

export async function deleteProfileDetails(db: Executor, organizationIds: string[]): Promise<void> {
  for (const part of chunks(organizationIds)) {
    await db.deleteFrom('organization_sectors').where('organization_id', 'in', part).execute();
    await db.deleteFrom('opportunities').where('organization_id', 'in', part).execute();
  }
}

export async function updateRegistration(
  db: Executor,
  id: string,
  patch: { side: string; organization_id: string },
): Promise<void> {
  await db.updateTable('registrations').set(patch).where('id', '=', id).execute();
}
