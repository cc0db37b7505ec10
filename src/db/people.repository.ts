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

/** Person ids of a mission's registered people, by lower-case e-mail. */
export async function findPersonIdsByEmails(
  db: Executor,
  missionId: string,
  emails: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const lower = [...new Set(emails.map((e) => e.toLowerCase()))];
  for (let i = 0; i < lower.length; i += 500) {
    const rows = await db
      .selectFrom('people as p')
      .innerJoin('registrations as r', 'r.person_id', 'p.id')
      .select(['p.id', 'p.email'])
      .where('r.mission_id', '=', missionId)
      .where('p.email', 'in', lower.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.email.toLowerCase(), r.id);
  }
  return out;
}

/** A registered person of a mission with their organization's name and their side. */
export function findParticipant(db: Executor, missionId: string, personId: string) {
  return db
    .selectFrom('registrations as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select([
      'p.id',
      'p.first_name',
      'p.last_name',
      'p.email',
      'p.language',
      'r.organization_id',
      'r.side',
      'o.name as organization_name',
    ])
    .where('r.mission_id', '=', missionId)
    .where('r.person_id', '=', personId)
    .executeTakeFirst();
}
