import { setNotificationMode } from '../../db/notifications.repository.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { findMissionOrThrow } from '../missions.service.ts';
import { requireParticipant } from '../participant.ts';

/** The caller's e-mail notifications: at once, a daily digest, or none. */
export async function setNotificationModeOf(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  mode: string,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const me = await requireParticipant(ctx.db.kysely, actor, mission);
  await setNotificationMode(ctx.db.kysely, me.id, mode);
  return { mode };
}
