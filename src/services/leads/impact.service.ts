import { inTransaction, writeEpoch } from '../../db/database.ts';
import { type LeadFilter, listRatesOfMission, upsertRate } from '../../db/leads.repository.ts';
import { listMissions, type MissionRow } from '../../db/missions.repository.ts';
import type { Impact } from '../../domain/dashboard-view.ts';
import type { Language } from '../../domain/enums.ts';
import { type Actor, requireRole } from '../actor.ts';
import { auditChange } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { findMissionOrThrow } from '../missions.service.ts';
import { computeDashboard } from './dashboard.ts';
import { impactPdf, impactWorkbook, leadsCsv } from './report.ts';

export type { Impact };

/** The dashboard and the partnership's missions beside it, without checking who asks (CLI, report). */
export async function impactOf(
  ctx: AppContext,
  mission: MissionRow,
  filter: LeadFilter = {},
): Promise<Impact> {
  const dashboard = await computeDashboard(ctx.db.kysely, mission, filter);
  const siblings = mission.partnership_id
    ? (await listMissions(ctx.db.kysely)).filter((m) => m.partnership_id === mission.partnership_id)
    : [mission];
  const partnership = [];
  for (const m of siblings.sort((a, b) => a.starts_on.localeCompare(b.starts_on))) {
    const d = m.id === mission.id ? dashboard : await computeDashboard(ctx.db.kysely, m, filter);
    partnership.push({
      slug: m.slug,
      title: m.title,
      startsOn: m.starts_on,
      funnel: d.funnel,
      value: d.value,
      jobs: d.jobs,
    });
  }
  return { ...dashboard, partnership };
}

/**
 * A computed dashboard is served again until this process writes anything or for `CACHE_MS` (other
 * processes behind the same database may write: their changes show within that delay).
 */
const CACHE_MS = 10_000;
const cache = new Map<string, { at: number; epoch: number; impact: Promise<Impact> }>();

/** Organizers and officials read the dashboard: aggregates and the stories companies agreed to publish. */
export async function getImpact(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  filter: LeadFilter = {},
): Promise<Impact> {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'official']);
  const key = JSON.stringify([mission.id, filter.side ?? '', filter.sector ?? '', filter.type ?? '']);
  const hit = cache.get(key);
  if (hit && hit.epoch === writeEpoch() && Date.now() - hit.at < CACHE_MS) return hit.impact;
  // Concurrent readers share one computation instead of each running it.
  const impact = impactOf(ctx, mission, filter);
  if (cache.size > 500) cache.clear();
  cache.set(key, { at: Date.now(), epoch: writeEpoch(), impact });
  impact.catch(() => cache.delete(key));
  return impact;
}

export async function listRates(ctx: AppContext, actor: Actor | undefined, slug: string) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'official', 'participant']);
  const rows = await listRatesOfMission(ctx.db.kysely, mission.id);
  return {
    reportingCurrency: mission.reporting_currency,
    rates: rows.map((r) => ({ currency: r.currency, rate: r.rate, recordedOn: r.recorded_on })),
  };
}

/** Organizers record the rate of a currency to the mission's reporting currency. */
export async function setRate(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  input: { currency: string; rate: number; recordedOn: string },
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer']);
  await inTransaction(ctx.db, async (trx) => {
    await upsertRate(trx, {
      mission_id: mission.id,
      currency: input.currency,
      rate: input.rate,
      recorded_on: input.recordedOn,
    });
    await auditChange(trx, actor, mission.id, 'mission_rate', input.currency, 'update', input);
  });
  return listRates(ctx, actor, slug);
}

export type ReportFormat = 'json' | 'pdf' | 'xlsx' | 'csv';

/** The report of a mission in a format, without checking who asks (the CLI and the route check). */
export async function renderReport(
  ctx: AppContext,
  mission: MissionRow,
  format: ReportFormat,
  lang: Language,
) {
  if (format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      body: await leadsCsv(ctx.db.kysely, mission),
      ext: 'csv',
    };
  const impact = await impactOf(ctx, mission);
  if (format === 'json')
    return { contentType: 'application/json', body: `${JSON.stringify(impact, null, 2)}\n`, ext: 'json' };
  if (format === 'pdf')
    return { contentType: 'application/pdf', body: await impactPdf(impact, lang), ext: 'pdf' };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await impactWorkbook(ctx.db.kysely, mission, impact),
    ext: 'xlsx',
  };
}

/** The report for organizers and officials. */
export async function getReport(
  ctx: AppContext,
  actor: Actor | undefined,
  slug: string,
  format: ReportFormat,
  lang: Language,
) {
  const mission = await findMissionOrThrow(ctx, slug);
  requireRole(actor, mission.id, ['organizer', 'official']);
  return {
    ...(await renderReport(ctx, mission, format, lang)),
    fileName: `${mission.slug}-impact.${format}`,
  };
}
