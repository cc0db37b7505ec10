import type { z } from 'zod';
import { insertAuditEntries } from '../db/audit.repository.ts';
import { newId, nowIso } from '../db/ids.ts';
import {
  consumeSignInLink,
  deleteExpiredSessions,
  deleteSession,
  findApiTokenByHash,
  findUserByEmail,
  findUserBySession,
  insertApiToken,
  insertSession,
  insertSignInLink,
  touchApiToken,
} from '../db/users.repository.ts';
import { AppError } from '../domain/errors.ts';
import { LIMITS } from '../domain/limits.ts';
import type { SignInInputSchema } from '../domain/schemas.ts';
import { type Actor, actorOfUser, loadActor, requireActor } from './actor.ts';
import type { AppContext } from './context.ts';
import { hashPassword, hashSecret, newSecret, verifyPassword } from './secrets.ts';

export interface NewSession {
  token: string;
  expiresAt: Date;
  actor: Actor;
}

// Verifying against a fixed hash when the e-mail is unknown keeps the timing of both failures alike.
let dummyHash: Promise<string> | undefined;
const getDummyHash = (): Promise<string> => {
  dummyHash ??= hashPassword(newSecret());
  return dummyHash;
};

async function openSession(ctx: AppContext, userId: string): Promise<NewSession> {
  await deleteExpiredSessions(ctx.db.kysely, nowIso());
  const token = newSecret();
  const expiresAt = new Date(Date.now() + LIMITS.sessionDays * 86_400_000);
  await insertSession(ctx.db.kysely, {
    id: hashSecret(token),
    user_id: userId,
    created_at: nowIso(),
    expires_at: expiresAt.toISOString(),
  });
  const actor = await loadActor(ctx.db.kysely, userId);
  if (!actor) throw new AppError('internal', 'user vanished while signing in');
  await insertAuditEntries(ctx.db.kysely, [
    { userId, missionId: null, entity: 'user', entityId: userId, action: 'sign_in', changes: {} },
  ]);
  return { token, expiresAt, actor };
}

export async function signInWithPassword(
  ctx: AppContext,
  input: z.infer<typeof SignInInputSchema>,
): Promise<NewSession> {
  const user = await findUserByEmail(ctx.db.kysely, input.email);
  const ok = await verifyPassword(user?.password_hash ?? (await getDummyHash()), input.password);
  if (!user || !ok) throw new AppError('invalid_credentials', 'Wrong e-mail or password');
  return openSession(ctx, user.id);
}

/** Sends a one-time sign-in link when the address belongs to a user; says nothing either way. */
export async function requestSignInLink(
  ctx: AppContext,
  email: string,
  language: 'fr' | 'en',
): Promise<void> {
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user) return;
  const token = newSecret();
  await insertSignInLink(ctx.db.kysely, {
    token_hash: hashSecret(token),
    user_id: user.id,
    expires_at: new Date(Date.now() + LIMITS.signInLinkMinutes * 60_000).toISOString(),
    used_at: null,
  });
  const url = `${ctx.config.publicUrl}/sign-in/link#${token}`;
  const fr = language === 'fr';
  await ctx.mailer.send({
    to: user.email,
    subject: fr ? 'Votre lien de connexion à Escale' : 'Your Escale sign-in link',
    text: fr
      ? `Bonjour ${user.display_name},\n\nPour vous connecter à Escale, ouvrez ce lien (valable ${LIMITS.signInLinkMinutes} minutes, une seule fois) :\n${url}\n\nSi vous n'avez rien demandé, ignorez ce message.`
      : `Hello ${user.display_name},\n\nTo sign in to Escale, open this link (valid ${LIMITS.signInLinkMinutes} minutes, once):\n${url}\n\nIf you did not ask for it, ignore this message.`,
  });
}

export async function signInWithLink(ctx: AppContext, token: string): Promise<NewSession> {
  const userId = await consumeSignInLink(ctx.db.kysely, hashSecret(token), nowIso());
  if (!userId) throw new AppError('invalid_credentials', 'This sign-in link is expired or already used');
  return openSession(ctx, userId);
}

export async function signOut(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.db.kysely, hashSecret(token));
}

/** The caller behind a session cookie, or undefined. */
export async function actorFromSession(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const user = await findUserBySession(ctx.db.kysely, hashSecret(token), nowIso());
  return user ? actorOfUser(ctx.db.kysely, user) : undefined;
}

/** The caller behind an API token, or undefined. */
export async function actorFromApiToken(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const row = await findApiTokenByHash(ctx.db.kysely, hashSecret(token));
  if (!row) return undefined;
  await touchApiToken(ctx.db.kysely, row.id, nowIso());
  return loadActor(ctx.db.kysely, row.user_id);
}

/** Creates an API token for scripts; the secret is shown once and only its hash is kept. */
export async function createApiToken(
  ctx: AppContext,
  actor: Actor | undefined,
  name: string,
): Promise<{ id: string; name: string; token: string }> {
  const a = requireActor(actor);
  const token = `esc_${newSecret()}`;
  const id = newId();
  await insertApiToken(ctx.db.kysely, {
    id,
    user_id: a.userId,
    name,
    token_hash: hashSecret(token),
    created_at: nowIso(),
    last_used_at: null,
  });
  return { id, name, token };
}
