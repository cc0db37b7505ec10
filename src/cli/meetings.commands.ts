import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.ts';
import type { Language } from '../domain/enums.ts';
import type { Reason } from '../matching/profile.ts';
import {
  allPersonAgendas,
  personAgendaByEmail,
  render,
  tableSheets,
} from '../services/agenda/agenda.service.ts';
import type { Agenda } from '../services/agenda/agenda.ts';
import { renderReport } from '../services/leads/impact.service.ts';
import { recommendForOrganization } from '../services/matching.service.ts';
import { findMissionOrThrow } from '../services/missions.service.ts';
import { sendDigests } from '../services/notifications/notify.service.ts';
import { sendDueSurveys } from '../services/surveys/surveys.service.ts';
import { type Flags, need, type Out, withContext } from './commands.ts';
import { UsageError } from './errors.ts';

/** One English line per reason, for people reading the CLI's output. */
export function reasonText(r: Reason): string {
  switch (r.kind) {
    case 'sectors':
      return `shared sectors: ${r.sectors.join(', ')}`;
    case 'answers':
      return r.direction === 'their_offer_your_request'
        ? `their offer "${r.offer}" answers your request "${r.request}"${r.terms.length ? ` (${r.terms.join('; ')})` : ''}`
        : `your offer "${r.offer}" answers their request "${r.request}"${r.terms.length ? ` (${r.terms.join('; ')})` : ''}`;
    case 'terms':
      return `matched terms: ${r.terms.join('; ')}`;
    case 'country':
      return r.direction === 'you_target_them'
        ? `you target their country (${r.country})`
        : `they target your country (${r.country})`;
  }
}

export const recommend = (config: Config, out: Out, flags: Flags) =>
  withContext(config, async (ctx) => {
    const mission = await findMissionOrThrow(ctx, need(flags, 'mission'));
    const name = need(flags, 'organization');
    const limit = flags.limit === undefined ? 10 : Number(flags.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new UsageError('--limit must be a whole number from 1 to 500');
    const org = await ctx.db.kysely
      .selectFrom('organizations as o')
      .innerJoin('registrations as r', 'r.organization_id', 'o.id')
      .select(['o.id', 'o.name'])
      .where('r.mission_id', '=', mission.id)
      .where((eb) => eb(eb.fn('lower', ['o.name']), '=', name.toLowerCase()))
      .executeTakeFirst();
    if (!org) throw new UsageError(`no organization named "${name}" in ${mission.slug}`);
    const recs = await recommendForOrganization(ctx, mission, org.id, {
      limit,
      includeSameSide: flags['same-side'] === true,
    });
    const rows = recs.map((r) => ({
      organization: r.name,
      score: r.score,
      reasons: r.reasons.map(reasonText),
    }));
    if (flags.json) return out(JSON.stringify(rows, null, 2));
    if (rows.length === 0)
      return out(`No recommendation for ${org.name} yet: its profile needs sectors, offers or requests.`);
    rows.forEach((r, i) => {
      out(`${i + 1}. ${r.organization}  (score ${r.score})`);
      for (const reason of r.reasons) out(`     ${reason}`);
    });
  });

const FORMATS = ['ics', 'pdf', 'json'] as const;

export const agenda = (config: Config, out: Out, flags: Flags) =>
  withContext(config, async (ctx) => {
    const mission = await findMissionOrThrow(ctx, need(flags, 'mission'));
    const format = need(flags, 'format') as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError('--format must be ics, pdf or json');
    const path = need(flags, 'out');
    const chosen = ['email', 'table', 'all'].filter((k) => flags[k] !== undefined);
    if (chosen.length !== 1) throw new UsageError('give exactly one of --email EMAIL, --table NAME or --all');
    const language: Language = flags.lang === 'en' ? 'en' : 'fr';
    const write = async (file: string, agendas: Agenda[], name: string) => {
      const r = await render(ctx, agendas, format, name);
      await writeFile(
        file,
        typeof r.body === 'string' || Buffer.isBuffer(r.body)
          ? r.body
          : `${JSON.stringify(r.body, null, 2)}\n`,
      );
    };
    if (typeof flags.email === 'string') {
      const a = await personAgendaByEmail(ctx, mission, flags.email);
      await write(path, [a], a.owner.name);
      return out(`Wrote the agenda of ${a.owner.name} (${a.entries.length} entries) to ${path}.`);
    }
    if (typeof flags.table === 'string') {
      if (format === 'ics') throw new UsageError('a table sheet is printed as pdf or json');
      const sheets = await tableSheets(ctx, mission, flags.table, language);
      await write(path, sheets, `table-${flags.table}`);
      return out(
        `Wrote the sheet of table ${flags.table} (${sheets[0]?.entries.length ?? 0} meetings) to ${path}.`,
      );
    }
    await mkdir(path, { recursive: true });
    const all = await allPersonAgendas(ctx, mission);
    const used = new Set<string>();
    for (const a of all) {
      const r = await render(ctx, [a], format, a.owner.name);
      let file = r.fileName;
      for (let n = 2; used.has(file); n++) file = r.fileName.replace(/(\.\w+)$/, `-${n}$1`);
      used.add(file);
      await write(join(path, file), [a], a.owner.name);
    }
    out(`Wrote ${all.length} agendas to ${path}.`);
  });

export const digest = (config: Config, out: Out) =>
  withContext(config, async (ctx) => {
    const sent = await sendDigests(ctx);
    out(`Sent ${sent} digest e-mail${sent === 1 ? '' : 's'}.`);
  });

const REPORT_FORMATS = ['pdf', 'xlsx', 'json', 'csv'] as const;

export const report = (config: Config, out: Out, flags: Flags) =>
  withContext(config, async (ctx) => {
    const mission = await findMissionOrThrow(ctx, need(flags, 'mission'));
    const format = need(flags, 'format') as (typeof REPORT_FORMATS)[number];
    if (!REPORT_FORMATS.includes(format)) throw new UsageError('--format must be pdf, xlsx, json or csv');
    const lang = flags.lang ?? 'fr';
    if (lang !== 'fr' && lang !== 'en') throw new UsageError('--lang must be fr or en');
    const file = need(flags, 'out');
    const r = await renderReport(ctx, mission, format, lang);
    await writeFile(file, r.body);
    out(`Wrote the impact report of ${mission.slug} (${format}) to ${file}.`);
  });

export const surveys = (config: Config, out: Out) =>
  withContext(config, async (ctx) => {
    const r = await sendDueSurveys(ctx);
    out(
      `Sent ${r.sent} survey e-mail${r.sent === 1 ? '' : 's'} and ${r.reminded} reminder${r.reminded === 1 ? '' : 's'}.`,
    );
  });
