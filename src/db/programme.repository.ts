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

export async function insertSignups(db: Executor, rows: Database['programme_signups'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('programme_signups')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
