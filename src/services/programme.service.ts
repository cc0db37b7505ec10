import { insertAuditEntries } from '../db/audit.repository.ts';
import { inTransaction } from '../db/database.ts';
import { nowIso } from '../db/ids.ts';
import { findRegistration } from '../db/people.repository.ts';
import {
  countSignups,
  deleteSignup,
  findProgrammeItemForUpdate,
  hasSignup,
  insertSignup,
} from '../db/programme.repository.ts';
import { AppError, forbidden, notFound } from '../domain/errors.ts';
import { type Actor, requireRole } from './actor.ts';
import type { AppContext } from './context.ts';
import { findMissionOrThrow } from './missions.service.ts';

/**
 * Signs the caller up to a programme item, or takes them off it. Only registered participants and
 * organizers with a person of their own; a full item refuses new sign-ups, even under concurrent requests.
 */
export async function setProgrammeSignup(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  itemId: string,
  isSigningUp: boolean,
): Promise<{ signups: number; capacity: number | null; isSignedUp: boolean }> {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'participant']);
  const a = actor as Actor;
  if (!a.personId || !(await findRegistration(ctx.db.kysely, mission.id, a.personId))) {
    throw forbidden('Only people registered in the mission sign up to its programme');
  }
  const personId = a.personId;
  return inTransaction(ctx.db, async (trx) => {
    const item = await findProgrammeItemForUpdate(trx, ctx.db.dialect, mission.id, itemId);
    if (!item) throw notFound('Programme item');
    if (isSigningUp) {
      const taken = await countSignups(trx, item.id);
      const isFull = item.capacity !== null && taken >= item.capacity;
      if (isFull && !(await hasSignup(trx, item.id, personId))) {
        throw new AppError('conflict', 'This programme item is full', [
          { field: 'capacity', reason: 'no place left' },
        ]);
      }
      if (await insertSignup(trx, item.id, personId, nowIso())) {
        await insertAuditEntries(trx, [
          {
            userId: a.userId,
            missionId: mission.id,
            entity: 'programme_item',
            entityId: item.id,
            action: 'create',
            changes: { signup: personId },
          },
        ]);
      }
    } else if (await deleteSignup(trx, item.id, personId)) {
      await insertAuditEntries(trx, [
        {
          userId: a.userId,
          missionId: mission.id,
          entity: 'programme_item',
          entityId: item.id,
          action: 'delete',
          changes: { signup: personId },
        },
      ]);
    }
    return { signups: await countSignups(trx, item.id), capacity: item.capacity, isSignedUp: isSigningUp };
  });
}
