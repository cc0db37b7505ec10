import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type PersonRow = Database['people'];
export type RegistrationRow = Database['registrations'];

export function findPersonById(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRegistration(
  db: Executor,
  missionId: string,
  personId: string,
): Promise<RegistrationRow | undefined> {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('mission_id', '=', missionId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export interface PeopleSearch {
  missionId: string;
  organizationId?: string | undefined;
  words: string[];
  sector?: string | undefined;
  side?: string | undefined;
  limit: number;
  offset: number;
}

/** One page of the people registered in a mission, with their organization's name. */
export async function searchPeople(db: Executor, s: PeopleSearch) {
  let base = db
    .selectFrom('registrations as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .where('r.mission_id', '=', s.missionId);
  if (s.organizationId) base = base.where('r.organization_id', '=', s.organizationId);
  if (s.side) base = base.where('r.side', '=', s.side);
  for (const word of s.words) {
    const like = `%${word.replace(/[%_\\]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('o.search_text', 'like', like), eb('p.search_text', 'like', like)]));
  }
  if (s.sector) {
    const sector = s.sector;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('organization_sectors as os')
          .select('os.organization_id')
          .whereRef('os.organization_id', '=', 'o.id')
          .where('os.sector_code', '=', sector),
      ),
    );
  }
  const [countRow, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    base
      .selectAll('p')
      .select(['r.side', 'o.name as organization_name'])
      .orderBy('p.last_name')
      .orderBy('p.first_name')
      .orderBy('p.id')
      .limit(s.limit)
      .offset(s.offset)
      .execute(),
  ]);
  return { total: Number(countRow.n), rows };
}

export async function updatePersonRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<PersonRow, 'id'>>,
): Promise<void> {
  await db.updateTable('people').set(patch).where('id', '=', id).execute();
}
