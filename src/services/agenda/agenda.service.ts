import { findCalendarFeed, findCalendarFeedOfPerson, upsertCalendarFeed } from '../../db/feeds.repository.ts';
import { nowIso } from '../../db/ids.ts';
import { findMissionById, type MissionRow } from '../../db/missions.repository.ts';
import { findParticipant } from '../../db/people.repository.ts';
import { listSessionsOfMission, listTablesOfSession } from '../../db/sessions.repository.ts';
import type { Language } from '../../domain/enums.ts';
import { AppError, forbidden, notFound } from '../../domain/errors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { findMissionOrThrow } from '../missions.service.ts';
import { hashSecret, newSecret } from '../secrets.ts';
import { type Agenda, agendaOfOrganization, agendaOfPerson, agendaOfTable } from './agenda.ts';
import { agendaToIcs } from './ics.ts';
import { agendasToPdf } from './pdf.ts';

export type AgendaFormat = 'json' | 'ics' | 'pdf';

export interface RenderedAgenda {
  contentType: string;
  fileName: string;
  body: string | Buffer | Agenda;
}

async function personAgenda(ctx: AppContext, mission: MissionRow, personId: string): Promise<Agenda> {
  const p = await findParticipant(ctx.db.kysely, mission.id, personId);
  if (!p) throw notFound('Participant');
  return agendaOfPerson(ctx.db.kysely, mission, {
    id: p.id,
    name: `${p.first_name} ${p.last_name}`,
    organization: p.organization_name,
    language: p.language as Language,
  });
}

const fileBase = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'agenda';

export async function render(
  ctx: AppContext,
  agendas: Agenda[],
  format: AgendaFormat,
  name: string,
): Promise<RenderedAgenda> {
  const host = new URL(ctx.config.publicUrl).hostname;
  if (format === 'ics') {
    return {
      contentType: 'text/calendar; charset=utf-8',
      fileName: `${fileBase(name)}.ics`,
      body: agendaToIcs(agendas[0] as Agenda, host),
    };
  }
  if (format === 'pdf') {
    return {
      contentType: 'application/pdf',
      fileName: `${fileBase(name)}.pdf`,
      body: await agendasToPdf(agendas, `${ctx.config.publicUrl}/check-in`),
    };
  }
  return { contentType: 'application/json', fileName: `${fileBase(name)}.json`, body: agendas[0] as Agenda };
}

/** A person's agenda: the person or an organizer; nobody else. */
export async function getPersonAgenda(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  personId: string,
  format: AgendaFormat,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  if (role !== 'organizer' && actor?.personId !== personId) throw forbidden('Only your own agenda');
  const agenda = await personAgenda(ctx, mission, personId);
  return render(ctx, [agenda], format, `${mission.slug}-${agenda.owner.name}`);
}

/** An organization's agenda (all its delegates): its own people or an organizer. */
export async function getOrganizationAgenda(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  organizationId: string,
  format: 'json' | 'pdf',
) {
  const mission = await findMissionOrThrow(ctx, slug);
  const role = requireRole(actor, mission.id, ['organizer', 'participant']);
  if (role !== 'organizer' && actor?.organizationId !== organizationId)
    throw forbidden('Only your own organization’s agenda');
  const people = await ctx.db.kysely
    .selectFrom('registrations as r')
    .innerJoin('organizations as o', 'o.id', 'r.organization_id')
    .select(['r.person_id', 'o.name'])
    .where('r.mission_id', '=', mission.id)
    .where('r.organization_id', '=', organizationId)
    .execute();
  if (people.length === 0) throw notFound('Organization');
  const language: Language = actor?.personId
    ? (((await findParticipant(ctx.db.kysely, mission.id, actor.personId))?.language as Language) ?? 'en')
    : 'en';
  const agenda = await agendaOfOrganization(
    ctx.db.kysely,
    mission,
    { id: organizationId, name: people[0]!.name },
    people.map((p) => p.person_id),
    language,
  );
  return render(ctx, [agenda], format, `${mission.slug}-${agenda.owner.name}`);
}

/** Table sheets for the venue (organizers): one page per table, or one table by name. */
export async function tableSheets(
  ctx: AppContext,
  mission: MissionRow,
  tableName: string | undefined,
  language: Language,
): Promise<Agenda[]> {
  const out: Agenda[] = [];
  for (const s of await listSessionsOfMission(ctx.db.kysely, mission.id)) {
    for (const t of await listTablesOfSession(ctx.db.kysely, s.id)) {
      if (tableName && t.name.toLowerCase() !== tableName.toLowerCase()) continue;
      out.push(await agendaOfTable(ctx.db.kysely, mission, s.id, { id: t.id, name: t.name }, language));
    }
  }
  if (tableName && out.length === 0) {
    throw new AppError('validation_failed', `No table named "${tableName}" in this mission`, [
      { field: 'table', reason: 'unknown table' },
    ]);
  }
  return out;
}

export async function getTableSheets(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  tableName: string | undefined,
  language: Language,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  const agendas = await tableSheets(ctx, mission, tableName, language);
  return render(ctx, agendas, 'pdf', `${mission.slug}-${tableName ?? 'tables'}`);
}

/** Every registered person's agenda, for batch printing from the CLI. */
export async function allPersonAgendas(ctx: AppContext, mission: MissionRow): Promise<Agenda[]> {
  const regs = await ctx.db.kysely
    .selectFrom('registrations')
    .select('person_id')
    .where('mission_id', '=', mission.id)
    .execute();
  const out: Agenda[] = [];
  for (const r of regs) out.push(await personAgenda(ctx, mission, r.person_id));
  return out.sort((a, b) => a.owner.name.localeCompare(b.owner.name));
}

export async function personAgendaByEmail(
  ctx: AppContext,
  mission: MissionRow,
  email: string,
): Promise<Agenda> {
  const row = await ctx.db.kysely
    .selectFrom('people as p')
    .innerJoin('registrations as r', 'r.person_id', 'p.id')
    .select('p.id')
    .where('r.mission_id', '=', mission.id)
    .where('p.email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'validation_failed',
      `Nobody with the e-mail ${email} is registered in ${mission.slug}`,
      [{ field: 'email', reason: 'not in the mission' }],
    );
  return personAgenda(ctx, mission, row.id);
}

/**
 * A calendar subscription URL for the caller's agenda, with a secret token: shown once, stored only
 * as its hash; asking again replaces the old URL (which then stops working).
 */
export async function createCalendarFeed(ctx: AppContext, actor: Actor | undefined, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'participant']);
  if (!actor?.personId || !(await findParticipant(ctx.db.kysely, mission.id, actor.personId))) {
    throw forbidden('Only people registered in the mission have an agenda');
  }
  const token = newSecret();
  await upsertCalendarFeed(ctx.db.kysely, {
    mission_id: mission.id,
    person_id: actor.personId,
    token_hash: hashSecret(token),
    created_at: nowIso(),
  });
  return { url: `${ctx.config.publicUrl}/api/v1/calendar/${token}.ics` };
}

export async function calendarFeedStatus(ctx: AppContext, actor: Actor | undefined, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'participant']);
  const row = actor?.personId
    ? await findCalendarFeedOfPerson(ctx.db.kysely, mission.id, actor.personId)
    : undefined;
  return { createdAt: row?.created_at ?? null };
}

/** The subscribed calendar behind a feed token; an unknown token is a plain 404. */
export async function calendarByToken(ctx: AppContext, token: string): Promise<RenderedAgenda> {
  const feed = await findCalendarFeed(ctx.db.kysely, hashSecret(token));
  if (!feed) throw notFound('Calendar');
  const mission = await findMissionById(ctx.db.kysely, feed.mission_id);
  if (!mission) throw notFound('Calendar');
  return render(ctx, [await personAgenda(ctx, mission, feed.person_id)], 'ics', mission.slug);
}
