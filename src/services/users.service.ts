import { insertAuditEntries } from '../db/audit.repository.ts';
import { inTransaction } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import { findPeopleByEmails } from '../db/roster.repository.ts';
import { findUserByEmail, insertUser, type UserRow, upsertMissionRole } from '../db/users.repository.ts';
import type { Role } from '../domain/enums.ts';
import { AppError, forbidden } from '../domain/errors.ts';
import { CreateUserInputSchema, GrantRoleInputSchema } from '../domain/schemas.ts';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import { findMissionOrThrow } from './missions.service.ts';
import { hashPassword } from './secrets.ts';

/** Creates a user (admins and the CLI only); links them to the person with the same e-mail, if any. */
export async function addUser(ctx: AppContext, actor: Actor | 'system', raw: unknown): Promise<UserRow> {
  if (actor !== 'system' && !actor.isAdmin) throw forbidden('Only an instance admin adds users');
  const input = CreateUserInputSchema.parse(raw);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(ctx.db, async (trx) => {
    if (await findUserByEmail(trx, input.email)) {
      throw new AppError('conflict', `A user with the e-mail ${input.email} exists already`, [
        { field: 'email', reason: 'already taken' },
      ]);
    }
    const [person] = await findPeopleByEmails(trx, [input.email]);
    const row: UserRow = {
      id: newId(),
      email: input.email,
      display_name: input.displayName,
      password_hash: passwordHash,
      person_id: person?.id ?? null,
      is_admin: input.isAdmin ? 1 : 0,
      created_at: nowIso(),
    };
    await insertUser(trx, row);
    await insertAuditEntries(trx, [
      {
        userId: actor === 'system' ? null : actor.userId,
        missionId: null,
        entity: 'user',
        entityId: row.id,
        action: 'create',
        changes: { email: row.email, isAdmin: input.isAdmin },
      },
    ]);
    return row;
  });
}

/** Gives a user a role in a mission (replacing any role they had there); organizers and admins only. */
export async function grantMissionRole(ctx: AppContext, actor: Actor | 'system', slug: string, raw: unknown) {
  const mission = await findMissionOrThrow(ctx, slug);
  if (actor !== 'system' && !actor.isAdmin && actor.roles.get(mission.id) !== 'organizer') {
    throw forbidden('Only an organizer of this mission grants roles');
  }
  const input = GrantRoleInputSchema.parse(raw);
  const user = await findUserByEmail(ctx.db.kysely, input.email);
  if (!user) {
    throw new AppError('not_found', `No user with the e-mail ${input.email}`, [
      { field: 'email', reason: 'unknown' },
    ]);
  }
  await inTransaction(ctx.db, async (trx) => {
    await upsertMissionRole(trx, {
      user_id: user.id,
      mission_id: mission.id,
      role: input.role,
      created_at: nowIso(),
    });
    await insertAuditEntries(trx, [
      {
        userId: actor === 'system' ? null : actor.userId,
        missionId: mission.id,
        entity: 'mission_role',
        entityId: user.id,
        action: 'grant',
        changes: { role: input.role },
      },
    ]);
  });
  return { userId: user.id, role: input.role as Role };
}
