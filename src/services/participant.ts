import type { Executor } from '../db/database.ts';
import type { MissionRow } from '../db/missions.repository.ts';
import { findParticipant } from '../db/people.repository.ts';
import { AppError, forbidden } from '../domain/errors.ts';
import { type Actor, requireRole } from './actor.ts';

export type Participant = NonNullable<Awaited<ReturnType<typeof findParticipant>>>;

/** The caller as a registered person of the mission (participant or organizer with a registration). */
export async function requireParticipant(
  db: Executor,
  actor: Actor | undefined,
  mission: MissionRow,
): Promise<Participant> {
  requireRole(actor, mission.id, ['organizer', 'participant']);
  const me = actor?.personId ? await findParticipant(db, mission.id, actor.personId) : undefined;
  if (!me) throw forbidden('Only people registered in the mission take meetings');
  return me;
}

/** Another registered person of the mission, or a 400 naming the field. */
export async function requireOtherParticipant(
  db: Executor,
  mission: MissionRow,
  personId: string,
  field: string,
): Promise<Participant> {
  const p = await findParticipant(db, mission.id, personId);
  if (!p)
    throw new AppError('validation_failed', 'This person is not in the mission', [
      { field, reason: 'not registered in this mission' },
    ]);
  return p;
}

export const fullName = (p: { first_name: string; last_name: string }): string =>
  `${p.first_name} ${p.last_name}`;
