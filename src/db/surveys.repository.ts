import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type WaveRow = Database['survey_waves'];
export type InvitationRow = Database['survey_invitations'];

export function listWavesOfMission(db: Executor, missionId: string): Promise<WaveRow[]> {
  return db
    .selectFrom('survey_waves')
    .selectAll()
    .where('mission_id', '=', missionId)
    .orderBy('offset_days')
    .execute();
}

export async function insertWaves(db: Executor, rows: WaveRow[]): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('survey_waves')
      .values(r)
      .onConflict((oc) => oc.columns(['mission_id', 'offset_days']).doNothing())
      .execute();
  }
}

export function listUnsentWaves(db: Executor): Promise<(WaveRow & { ends_on: string })[]> {
  return db
    .selectFrom('survey_waves as w')
    .innerJoin('missions as m', 'm.id', 'w.mission_id')
    .selectAll('w')
    .select('m.ends_on')
    .where('w.sent_at', 'is', null)
    .execute();
}

export async function markWaveSent(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('survey_waves').set({ sent_at: at }).where('id', '=', id).execute();
}

export async function insertInvitations(db: Executor, rows: InvitationRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('survey_invitations')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function findInvitationByToken(db: Executor, tokenHash: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('survey_waves as w', 'w.id', 'i.wave_id')
    .selectAll('i')
    .select(['w.mission_id', 'w.offset_days'])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function updateInvitation(
  db: Executor,
  id: string,
  patch: Partial<Pick<InvitationRow, 'answered_at' | 'reminded_at' | 'token_hash'>>,
) {
  await db.updateTable('survey_invitations').set(patch).where('id', '=', id).execute();
}

/** Invitations sent before `before`, unanswered and not reminded yet. */
export function listInvitationsToRemind(db: Executor, before: string) {
  return db
    .selectFrom('survey_invitations')
    .selectAll()
    .where('answered_at', 'is', null)
    .where('reminded_at', 'is', null)
    .where('sent_at', '<=', before)
    .execute();
}

export function listInvitationsOfMission(db: Executor, missionId: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('survey_waves as w', 'w.id', 'i.wave_id')
    .select(['i.wave_id', 'i.answered_at', 'i.reminded_at', 'w.offset_days'])
    .where('w.mission_id', '=', missionId)
    .execute();
}
