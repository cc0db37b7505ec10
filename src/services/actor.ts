import type { Executor } from '../db/database.ts';
import { findUserWithOrganization, listRolesOfUser, type UserRow } from '../db/users.repository.ts';
import type { Role } from '../domain/enums.ts';
import { AppError, forbidden } from '../domain/errors.ts';

/** Who is calling: a signed-in user with their roles per mission, or nobody. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  personId: string | null;
  organizationId: string | null;
  roles: ReadonlyMap<string, Role>;
}

type UserWithOrganization = UserRow & { organization_id: string | null };

/** Builds the caller from their user row (with their organization) and their roles. */
export async function actorOfUser(db: Executor, user: UserWithOrganization): Promise<Actor> {
  const roles = await listRolesOfUser(db, user.id);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    isAdmin: user.is_admin === 1,
    personId: user.person_id,
    organizationId: user.organization_id,
    roles: new Map(roles.map((r) => [r.mission_id, r.role as Role])),
  };
}

export async function loadActor(db: Executor, userId: string): Promise<Actor | undefined> {
  const user = await findUserWithOrganization(db, userId);
  return user ? actorOfUser(db, user) : undefined;
}

export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}

/** The caller's role in a mission; an instance admin acts as organizer everywhere. */
export function roleIn(actor: Actor, missionId: string): Role | undefined {
  return actor.isAdmin ? 'organizer' : actor.roles.get(missionId);
}

/** Throws unless the caller holds one of `allowed` in the mission; returns the role held. */
export function requireRole(actor: Actor | undefined, missionId: string, allowed: readonly Role[]): Role {
  const a = requireActor(actor);
  const role = roleIn(a, missionId);
  if (!role) throw forbidden('You have no role in this mission');
  if (!allowed.includes(role)) throw forbidden(`This needs the role ${allowed.join(' or ')}`);
  return role;
}

export const ANY_ROLE: readonly Role[] = ['organizer', 'participant', 'official'];
