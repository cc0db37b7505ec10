import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type UserRow = Database['users'];
export type MissionRoleRow = Database['mission_roles'];

export function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

/** A user with the organization of their person (null when they have none), by user id. */
export function findUserWithOrganization(db: Executor, id: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .selectAll('u')
    .select('p.organization_id')
    .where('u.id', '=', id)
    .executeTakeFirst();
}

/** The user behind a live session, with the organization of their person; one query on the hot path. */
export function findUserBySession(db: Executor, sessionId: string, now: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('people as p', 'p.id', 'u.person_id')
    .selectAll('u')
    .select('p.organization_id')
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function insertUser(db: Executor, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUserRow(db: Executor, id: string, patch: Partial<Omit<UserRow, 'id'>>) {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export function listRolesOfUser(db: Executor, userId: string): Promise<MissionRoleRow[]> {
  return db.selectFrom('mission_roles').selectAll().where('user_id', '=', userId).execute();
}

export async function upsertMissionRole(db: Executor, row: MissionRoleRow): Promise<void> {
  await db
    .insertInto('mission_roles')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'mission_id']).doUpdateSet({ role: row.role }))
    .execute();
}

export async function insertSession(db: Executor, row: Database['sessions']): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertApiToken(db: Executor, row: Database['api_tokens']): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export function findApiTokenByHash(db: Executor, hash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function touchApiToken(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function insertSignInLink(db: Executor, row: Database['sign_in_links']): Promise<void> {
  await db.insertInto('sign_in_links').values(row).execute();
}

/** Marks a live, unused link as used; returns its user, or undefined when the link is spent or expired. */
export async function consumeSignInLink(
  db: Executor,
  hash: string,
  now: string,
): Promise<string | undefined> {
  const row = await db
    .updateTable('sign_in_links')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id;
}

export async function findUsersByEmails(db: Executor, emails: string[]): Promise<UserRow[]> {
  const out: UserRow[] = [];
  const unique = [...new Set(emails)];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('users')
        .selectAll()
        .where('email', 'in', unique.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function insertUsers(db: Executor, rows: UserRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 300) {
    await db
      .insertInto('users')
      .values(rows.slice(i, i + 300))
      .execute();
  }
}

export async function insertMissionRoles(db: Executor, rows: MissionRoleRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('mission_roles')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export function listRolesOfMission(db: Executor, missionId: string): Promise<MissionRoleRow[]> {
  return db.selectFrom('mission_roles').selectAll().where('mission_id', '=', missionId).execute();
}
