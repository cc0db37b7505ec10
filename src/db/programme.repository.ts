import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type ProgrammeItemRow = Database['programme_items'];

/** The mission's programme in time order, each item with its number of sign-ups. */
export async function listProgrammeOfMission(db: Executor, missionId: string) {
  const rows = await db
    .selectFrom('programme_items as p')
    .leftJoin('programme_signups as s', 's.programme_item_id', 'p.id')
    .selectAll('p')
    .select((eb) => eb.fn.count<string>('s.person_id').as('signups'))
    .where('p.mission_id', '=', missionId)
    .groupBy('p.id')
    .orderBy('p.starts_at')
    .execute();
  return rows.map((r) => ({ ...r, signups: Number(r.signups) }));
}

export async function insertProgrammeItems(db: Executor, rows: ProgrammeItemRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('programme_items').values(rows).execute();
}

/** The item, locked against concurrent sign-ups until the transaction ends where the database can lock rows. */
export function findProgrammeItemForUpdate(
  db: Executor,
  dialect: 'sqlite' | 'postgres',
  missionId: string,
  id: string,
): Promise<ProgrammeItemRow | undefined> {
  const q = db
    .selectFrom('programme_items')
    .selectAll()
    .where('id', '=', id)
    .where('mission_id', '=', missionId);
  // SQLite has no row locks; its write transactions are serialized already.
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
}

export async function countSignups(db: Executor, itemId: string): Promise<number> {
  const row = await db
    .selectFrom('programme_signups')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('programme_item_id', '=', itemId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Signs a person up; returns false when they were signed up already. */
export async function insertSignup(
  db: Executor,
  itemId: string,
  personId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .insertInto('programme_signups')
    .values({ programme_item_id: itemId, person_id: personId, created_at: at })
    .onConflict((oc) => oc.columns(['programme_item_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteSignup(db: Executor, itemId: string, personId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('programme_signups')
    .where('programme_item_id', '=', itemId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listSignupItemsOfPerson(
  db: Executor,
  missionId: string,
  personId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('programme_signups as s')
    .innerJoin('programme_items as p', 'p.id', 's.programme_item_id')
    .select('s.programme_item_id')
    .where('p.mission_id', '=', missionId)
    .where('s.person_id', '=', personId)
    .execute();
  return rows.map((r) => r.programme_item_id);
}

export async function hasSignup(db: Executor, itemId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programme_signups')
    .select('person_id')
    .where('programme_item_id', '=', itemId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}
