import { insertAuditEntries } from '../db/audit.repository.ts';
import {
  listRegistrationsWithPresence,
  listUnavailabilitiesOfMission,
  listUnavailabilitiesOfPerson,
  replaceUnavailabilities,
  setPresenceDays,
} from '../db/availability.repository.ts';
import { type Executor, inTransaction } from '../db/database.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { MissionRow } from '../db/missions.repository.ts';
import { findPersonIdsByEmails, findRegistration } from '../db/people.repository.ts';

import { AppError, forbidden, notFound } from '../domain/errors.ts';
import type { AvailabilityInput } from '../domain/meeting-schemas.ts';
import type { Interval } from '../domain/slots.ts';
import { type Actor, requireRole, roleIn } from './actor.ts';
import type { AppContext } from './context.ts';
import { findMissionOrThrow } from './missions.service.ts';

export interface Availability {
  presenceDays: string[];
  unavailable: Interval[];
}

/** Every registered person's availability in a mission, for scheduling. */
export async function loadMissionAvailability(
  db: Executor,
  missionId: string,
): Promise<Map<string, Availability>> {
  const [regs, unavailable] = await Promise.all([
    listRegistrationsWithPresence(db, missionId),
    listUnavailabilitiesOfMission(db, missionId),
  ]);
  const out = new Map<string, Availability>();
  for (const r of regs)
    out.set(r.person_id, { presenceDays: JSON.parse(r.presence_days) as string[], unavailable: [] });
  for (const u of unavailable)
    out.get(u.person_id)?.unavailable.push({ startsAt: u.starts_at, endsAt: u.ends_at });
  return out;
}

export async function loadPersonAvailability(
  db: Executor,
  missionId: string,
  personId: string,
): Promise<Availability> {
  const reg = await findRegistration(db, missionId, personId);
  if (!reg) throw notFound('Participant');
  const rows = await listUnavailabilitiesOfPerson(db, missionId, personId);
  return {
    presenceDays: JSON.parse(reg.presence_days) as string[],
    unavailable: rows.map((u) => ({ startsAt: u.starts_at, endsAt: u.ends_at })),
  };
}

/** Reads a person's availability: the person, or an organizer. */
export async function getAvailability(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  personId: string,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  if (role !== 'organizer' && actor?.personId !== personId) throw forbidden('Only your own availability');
  return loadPersonAvailability(ctx.db.kysely, mission.id, personId);
}

function checkDays(mission: MissionRow, input: AvailabilityInput, prefix: string): void {
  const bad = (input.presenceDays ?? []).findIndex((d) => d < mission.starts_on || d > mission.ends_on);
  if (bad >= 0) {
    throw new AppError('validation_failed', 'A presence day falls outside the mission', [
      {
        field: `${prefix}presenceDays.${bad}`,
        reason: `not between ${mission.starts_on} and ${mission.ends_on}`,
      },
    ]);
  }
}

async function write(
  trx: Executor,
  mission: MissionRow,
  personId: string,
  input: AvailabilityInput,
  userId: string | null,
) {
  if (input.presenceDays)
    await setPresenceDays(trx, mission.id, personId, [...new Set(input.presenceDays)].sort());
  if (input.unavailable) {
    const at = nowIso();
    await replaceUnavailabilities(
      trx,
      mission.id,
      personId,
      input.unavailable.map((u) => ({
        id: newId(),
        mission_id: mission.id,
        person_id: personId,
        starts_at: new Date(u.startsAt).toISOString(),
        ends_at: new Date(u.endsAt).toISOString(),
        created_at: at,
      })),
    );
  }
  await insertAuditEntries(trx, [
    {
      userId,
      missionId: mission.id,
      entity: 'availability',
      entityId: personId,
      action: 'update',
      changes: input,
    },
  ]);
}

/** Sets a person's presence days and unavailable periods (each list replaced when given). */
export async function setAvailability(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  personId: string,
  input: AvailabilityInput,
): Promise<Availability> {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  if (role !== 'organizer' && actor?.personId !== personId) throw forbidden('Only your own availability');
  if (!(await findRegistration(ctx.db.kysely, mission.id, personId))) throw notFound('Participant');
  checkDays(mission, input, '');
  await inTransaction(ctx.db, (trx) => write(trx, mission, personId, input, actor?.userId ?? null));
  return loadPersonAvailability(ctx.db.kysely, mission.id, personId);
}

/** Organizers set many people's availability at once, by e-mail: all rows or none. */
export async function setAvailabilityInBulk(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  people: (AvailabilityInput & { email: string })[],
): Promise<{ updated: number }> {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  const ids = await findPersonIdsByEmails(
    ctx.db.kysely,
    mission.id,
    people.map((p) => p.email),
  );
  const unknown = people.findIndex((p) => !ids.has(p.email.toLowerCase()));
  if (unknown >= 0) {
    throw new AppError('validation_failed', 'Someone is not registered in the mission', [
      { field: `people.${unknown}.email`, reason: 'no participant with this e-mail in the mission' },
    ]);
  }
  for (const [i, p] of people.entries()) checkDays(mission, p, `people.${i}.`);
  await inTransaction(ctx.db, async (trx) => {
    for (const p of people)
      await write(trx, mission, ids.get(p.email.toLowerCase()) as string, p, actor?.userId ?? null);
  });
  return { updated: people.length };
}

export const canSeeAvailability = (actor: Actor, missionId: string, personId: string): boolean =>
  roleIn(actor, missionId) === 'organizer' || actor.personId === personId;
