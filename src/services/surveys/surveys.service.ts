import { type Executor, inTransaction } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import {
  insertLead,
  insertLeadHistory,
  type LeadRow,
  listRatesOfMission,
  updateLeadRow,
} from '../../db/leads.repository.ts';
import { findMissionById, type MissionRow } from '../../db/missions.repository.ts';
import { findParticipant } from '../../db/people.repository.ts';
import {
  findInvitationByToken,
  insertInvitations,
  insertWaves,
  listInvitationsOfMission,
  listInvitationsToRemind,
  listUnsentWaves,
  listWavesOfMission,
  markWaveSent,
  updateInvitation,
} from '../../db/surveys.repository.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { SurveyAnswer } from '../../domain/survey-schemas.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { findMissionOrThrow } from '../missions.service.ts';
import { hashSecret, newSecret } from '../secrets.ts';

export const DEFAULT_WAVES = [7, 182, 365];
const REMIND_AFTER_DAYS = 7;
const OUTCOME_STAGE = {
  no_further_contact: 'abandoned',
  in_discussion: 'follow_up',
  negotiating: 'negotiation',
  signed: 'signed',
} as const;

/** Organizers plan the survey waves of a mission, in days after it ends (default 1 week, 6 and 12 months). */
export async function planSurveys(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  offsets: number[],
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  await insertWaves(
    ctx.db.kysely,
    [...new Set(offsets)].map((offset_days) => ({
      id: newId(),
      mission_id: mission.id,
      offset_days,
      sent_at: null,
      created_at: nowIso(),
    })),
  );
  return surveyStats(ctx, actor, slug);
}

/** Per wave: when it goes, how many were asked, how many answered. Organizers and officials. */
export async function surveyStats(ctx: AppContext, actor: Actor | undefined, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'official']);
  const [waves, invitations] = await Promise.all([
    listWavesOfMission(ctx.db.kysely, mission.id),
    listInvitationsOfMission(ctx.db.kysely, mission.id),
  ]);
  return {
    waves: waves.map((w) => {
      const mine = invitations.filter((i) => i.wave_id === w.id);
      const answered = mine.filter((i) => i.answered_at).length;
      return {
        offsetDays: w.offset_days,
        due: addDays(mission.ends_on, w.offset_days),
        sentAt: w.sent_at,
        invited: mine.length,
        answered,
        reminded: mine.filter((i) => i.reminded_at).length,
        responseRate: mine.length > 0 ? Math.round((answered / mine.length) * 1000) / 1000 : null,
      };
    }),
  };
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function mailInvitation(
  ctx: AppContext,
  mission: MissionRow,
  personId: string,
  token: string,
  isReminder: boolean,
) {
  const p = await findParticipant(ctx.db.kysely, mission.id, personId);
  if (!p) return;
  const fr = p.language === 'fr';
  const url = `${ctx.config.publicUrl}/survey#${token}`;
  await ctx.mailer.send({
    to: p.email,
    subject: fr
      ? `${isReminder ? 'Rappel : ' : ''}qu’est-il advenu de vos rendez-vous ? · ${mission.title}`
      : `${isReminder ? 'Reminder: ' : ''}what came of your meetings? · ${mission.title}`,
    text: fr
      ? `Bonjour ${p.first_name},\n\nPour chaque rendez-vous de la mission, dites-nous en une minute où vous en êtes : plus de contact, en discussion, accord en négociation ou accord signé (avec le montant et les emplois).\n\nVotre lien personnel, sans mot de passe :\n${url}\n\nVos réponses restent entre votre organisation et l’équipe de la mission ; les élus ne voient que des totaux.`
      : `Hello ${p.first_name},\n\nFor each meeting of the mission, tell us in a minute where things stand: no further contact, in discussion, agreement in negotiation, or agreement signed (with the amount and jobs).\n\nYour personal link, no password needed:\n${url}\n\nYour answers stay between your organization and the mission's team; officials only see totals.`,
  });
}

/**
 * Sends every wave that is due (its mission ended `offset` days ago or more) to each person with a
 * held meeting, and reminds, once, those who have not answered a week later. For a daily cron.
 */
export async function sendDueSurveys(ctx: AppContext, today = new Date().toISOString().slice(0, 10)) {
  let sent = 0;
  let reminded = 0;
  for (const wave of await listUnsentWaves(ctx.db.kysely)) {
    if (addDays(wave.ends_on, wave.offset_days) > today) continue;
    const mission = (await findMissionById(ctx.db.kysely, wave.mission_id)) as MissionRow;
    const people = await heldPeople(ctx.db.kysely, mission.id);
    const tokens = people.map((personId) => ({ personId, token: newSecret() }));
    await inTransaction(ctx.db, async (trx) => {
      await insertInvitations(
        trx,
        tokens.map((t) => ({
          id: newId(),
          wave_id: wave.id,
          person_id: t.personId,
          token_hash: hashSecret(t.token),
          sent_at: nowIso(),
          reminded_at: null,
          answered_at: null,
        })),
      );
      await markWaveSent(trx, wave.id, nowIso());
    });
    for (const t of tokens) {
      try {
        await mailInvitation(ctx, mission, t.personId, t.token, false);
        sent++;
      } catch (err) {
        ctx.log.warn(`survey mail to person ${t.personId} failed: ${(err as Error).message}`);
      }
    }
  }
  const cutoff = new Date(Date.parse(`${today}T23:59:59Z`) - REMIND_AFTER_DAYS * 86_400_000).toISOString();
  for (const inv of await listInvitationsToRemind(ctx.db.kysely, cutoff)) {
    const found = await ctx.db.kysely
      .selectFrom('survey_waves')
      .select('mission_id')
      .where('id', '=', inv.wave_id)
      .executeTakeFirst();
    const mission = found ? await findMissionById(ctx.db.kysely, found.mission_id) : undefined;
    if (!mission) continue;
    // Only the hash of the first link is kept: the reminder carries a new link, which replaces it.
    const token = newSecret();
    await updateInvitation(ctx.db.kysely, inv.id, { token_hash: hashSecret(token), reminded_at: nowIso() });
    await mailInvitation(ctx, mission, inv.person_id, token, true);
    reminded++;
  }
  return { sent, reminded };
}

async function heldPeople(db: Executor, missionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_participants as mp')
    .innerJoin('meetings as m', 'm.id', 'mp.meeting_id')
    .select('mp.person_id')
    .distinct()
    .where('m.mission_id', '=', missionId)
    .where('m.status', '=', 'held')
    .orderBy('mp.person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

async function invitationOf(ctx: AppContext, token: string) {
  const inv = await findInvitationByToken(ctx.db.kysely, hashSecret(token));
  if (!inv) throw notFound('Survey');
  const mission = (await findMissionById(ctx.db.kysely, inv.mission_id)) as MissionRow;
  const person = await findParticipant(ctx.db.kysely, mission.id, inv.person_id);
  if (!person) throw notFound('Survey');
  return { inv, mission, person };
}

/** The held meetings of the person behind a survey link, with what is known of each so far. */
async function meetingsOf(db: Executor, missionId: string, personId: string, organizationId: string) {
  const meetings = await db
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as mine', (j) =>
      j.onRef('mine.meeting_id', '=', 'm.id').on('mine.person_id', '=', personId),
    )
    .select(['m.id', 'm.starts_at'])
    .where('m.mission_id', '=', missionId)
    .where('m.status', '=', 'held')
    .orderBy('m.starts_at')
    .execute();
  const ids = meetings.map((m) => m.id);
  if (ids.length === 0) return [];
  const others = await db
    .selectFrom('meeting_participants as mp')
    .innerJoin('organizations as o', 'o.id', 'mp.organization_id')
    .select(['mp.meeting_id', 'o.name', 'o.id'])
    .where('mp.meeting_id', 'in', ids)
    .execute();
  const leads = await db
    .selectFrom('lead_meetings as lm')
    .innerJoin('leads as l', 'l.id', 'lm.lead_id')
    .innerJoin('lead_organizations as lo', (j) =>
      j.onRef('lo.lead_id', '=', 'l.id').on('lo.organization_id', '=', organizationId),
    )
    .selectAll('l')
    .select('lm.meeting_id')
    .where('lm.meeting_id', 'in', ids)
    .execute();
  return meetings.map((m) => ({
    meetingId: m.id,
    startsAt: m.starts_at,
    organizations: [
      ...new Set(others.filter((o) => o.meeting_id === m.id && o.id !== organizationId).map((o) => o.name)),
    ],
    lead: leads.find((l) => l.meeting_id === m.id) ?? null,
  }));
}

/** What the survey page shows: no password, the link is the credential of one person for one wave. */
export async function surveyByToken(ctx: AppContext, token: string) {
  const { inv, mission, person } = await invitationOf(ctx, token);
  const meetings = await meetingsOf(ctx.db.kysely, mission.id, person.id, person.organization_id);
  return {
    mission: { title: mission.title, timezone: mission.timezone, currency: mission.reporting_currency },
    person: {
      name: `${person.first_name} ${person.last_name}`,
      organization: person.organization_name,
      language: person.language,
    },
    answeredAt: inv.answered_at,
    meetings: meetings.map((m) => ({
      meetingId: m.meetingId,
      startsAt: m.startsAt,
      organizations: m.organizations,
      stage: m.lead?.stage ?? null,
      amount: m.lead?.amount ?? null,
      currency: m.lead?.currency ?? null,
      jobsActual: m.lead?.jobs_actual ?? null,
    })),
  };
}

/**
 * Answers update the leads of the person's organization (or start one per meeting) and their history,
 * marked as coming from the survey. All answers are checked before anything is written.
 */
export async function answerSurvey(ctx: AppContext, token: string, answers: SurveyAnswer[]) {
  const { inv, mission, person } = await invitationOf(ctx, token);
  const db = ctx.db.kysely;
  const meetings = await meetingsOf(db, mission.id, person.id, person.organization_id);
  const rates = new Set([
    mission.reporting_currency,
    ...(await listRatesOfMission(db, mission.id)).map((r) => r.currency),
  ]);
  for (const [i, a] of answers.entries()) {
    if (!meetings.some((m) => m.meetingId === a.meetingId)) {
      throw new AppError('validation_failed', 'Not one of your meetings', [
        { field: `answers.${i}.meetingId`, reason: 'not a held meeting of yours' },
      ]);
    }
    if (a.currency && !rates.has(a.currency)) {
      throw new AppError('validation_failed', 'Unknown currency', [
        { field: `answers.${i}.currency`, reason: `no rate to ${mission.reporting_currency} is recorded` },
      ]);
    }
  }
  const now = nowIso();
  const today = now.slice(0, 10);
  await inTransaction(ctx.db, async (trx) => {
    for (const a of answers) {
      const m = meetings.find((x) => x.meetingId === a.meetingId)!;
      const stage = OUTCOME_STAGE[a.outcome];
      const patch: Partial<LeadRow> = {
        stage,
        ...(stage === 'abandoned' ? { abandon_reason: 'No further contact (survey)' } : {}),
        ...(stage === 'signed' ? { signed_on: m.lead?.signed_on ?? today } : {}),
        ...(a.amount !== undefined
          ? { amount: a.amount, currency: a.currency ?? mission.reporting_currency }
          : {}),
        ...(a.jobsActual !== undefined ? { jobs_actual: a.jobsActual } : {}),
        ...(a.jobsProjected !== undefined ? { jobs_projected: a.jobsProjected } : {}),
      };
      if (m.lead) {
        const changes: Record<string, [unknown, unknown]> = {};
        for (const [k, v] of Object.entries(patch)) {
          const before = (m.lead as Record<string, unknown>)[k];
          if (before !== v) changes[k] = [before, v];
        }
        if (Object.keys(changes).length === 0) continue;
        await updateLeadRow(trx, m.lead.id, { ...patch, updated_at: now });
        await insertLeadHistory(trx, [
          {
            id: newId(),
            lead_id: m.lead.id,
            at: now,
            user_id: null,
            source: 'survey',
            changes: JSON.stringify(changes),
          },
        ]);
        continue;
      }
      if (a.outcome === 'no_further_contact') continue;
      const lead: LeadRow = {
        id: newId(),
        mission_id: mission.id,
        owner_organization_id: person.organization_id,
        owner_person_id: person.id,
        title: m.organizations.join(' · ') || person.organization_name,
        type: 'other',
        stage,
        abandon_reason: null,
        sector_code: null,
        side: person.side,
        amount: patch.amount ?? null,
        currency: patch.currency ?? null,
        jobs_projected: patch.jobs_projected ?? null,
        jobs_actual: patch.jobs_actual ?? null,
        next_action: '',
        next_action_due: null,
        notes: '',
        evidence: 'declared',
        evidence_note: '',
        counterfactual: a.counterfactual ?? null,
        signed_on: patch.signed_on ?? null,
        story: '',
        story_public: 0,
        created_at: now,
        updated_at: now,
      };
      const parties = await trx
        .selectFrom('meeting_participants')
        .select('organization_id')
        .where('meeting_id', '=', m.meetingId)
        .execute();
      await insertLead(trx, lead, {
        organizationIds: parties.map((p) => p.organization_id),
        meetingIds: [m.meetingId],
        missionIds: [mission.id],
      });
      await insertLeadHistory(trx, [
        {
          id: newId(),
          lead_id: lead.id,
          at: now,
          user_id: null,
          source: 'survey',
          changes: JSON.stringify({ created: { stage } }),
        },
      ]);
    }
    await updateInvitation(trx, inv.id, { answered_at: now });
  });
  return surveyByToken(ctx, token);
}
