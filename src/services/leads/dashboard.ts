import type { Executor } from '../../db/database.ts';
import {
  type LeadFilter,
  listLeadGroupsOfMission,
  listLeadLinks,
  listPublicStories,
  listRatesOfMission,
  listSignedByMonth,
} from '../../db/leads.repository.ts';
import type { MissionRow } from '../../db/missions.repository.ts';
import type { Dashboard, Totals } from '../../domain/dashboard-view.ts';

export type { Dashboard, Totals };

const n = (v: unknown) => Number(v ?? 0);
const round = (v: number) => Math.round(v * 100) / 100;

async function count(
  db: Executor,
  table: 'meeting_requests' | 'meetings',
  missionId: string,
  status?: string,
): Promise<number> {
  let q = db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .where('mission_id', '=', missionId);
  if (status) q = q.where('status', '=', status);
  return n((await q.executeTakeFirst())?.n);
}

type Group = Awaited<ReturnType<typeof listLeadGroupsOfMission>>[number];

/**
 * The dashboard of one mission. The database groups the leads credited to the mission by what the
 * dashboard splits on (a few hundred rows for any number of leads); each lead counts once, however many
 * meetings it credits; actual and projected jobs stay apart, and so do confirmed and declared outcomes.
 */
export async function computeDashboard(
  db: Executor,
  mission: MissionRow,
  filter: LeadFilter = {},
): Promise<Dashboard> {
  const [organizations, requests, accepted, held, groups, months, rates, stories] = await Promise.all([
    db
      .selectFrom('registrations')
      .select((eb) => eb.fn.count('organization_id').distinct().as('n'))
      .where('mission_id', '=', mission.id)
      .executeTakeFirst()
      .then((r) => n(r?.n)),
    count(db, 'meeting_requests', mission.id),
    count(db, 'meeting_requests', mission.id, 'accepted'),
    count(db, 'meetings', mission.id, 'held'),
    listLeadGroupsOfMission(db, mission.id, filter),
    listSignedByMonth(db, mission.id, filter),
    listRatesOfMission(db, mission.id),
    listPublicStories(db, mission.id, filter),
  ]);
  const rate = new Map(rates.map((r) => [r.currency, r.rate]));
  rate.set(mission.reporting_currency, 1);
  // Sums of amounts convert linearly: sum × rate is the sum of the converted amounts.
  const value = (currency: string | null, amount: unknown) => {
    const r = rate.get(currency ?? mission.reporting_currency);
    return r === undefined ? 0 : n(amount) * r;
  };
  const unconverted = groups
    .filter((g) => n(g.amounts) > 0 && !rate.has(g.currency ?? mission.reporting_currency))
    .reduce((s, g) => s + n(g.amounts), 0);
  const sum = (gs: Group[], f: (g: Group) => number) => gs.reduce((s, g) => s + f(g), 0);
  const signed = groups.filter((g) => g.stage === 'signed');
  const live = groups.filter((g) => g.stage !== 'abandoned');
  const totals = (gs: Group[]): Totals => {
    const s = gs.filter((g) => g.stage === 'signed');
    return {
      leads: sum(gs, (g) => n(g.leads)),
      signed: sum(s, (g) => n(g.leads)),
      value: round(sum(s, (g) => value(g.currency, g.amount))),
      jobsActual: sum(s, (g) => n(g.jobs_actual)),
      jobsProjected: sum(
        gs.filter((g) => g.stage !== 'abandoned'),
        (g) => n(g.jobs_projected),
      ),
    };
  };
  const split = <K extends string>(key: (g: Group) => K) => {
    const byKey = new Map<K, Group[]>();
    for (const g of groups) {
      const k = key(g);
      const list = byKey.get(k);
      if (list) list.push(g);
      else byKey.set(k, [g]);
    }
    return [...byKey].sort((a, b) => a[0].localeCompare(b[0]));
  };
  const byMonth = new Map<string, { signed: number; value: number }>();
  for (const m of months) {
    const entry = byMonth.get(m.month) ?? { signed: 0, value: 0 };
    entry.signed += n(m.signed);
    entry.value += value(m.currency, m.amount);
    byMonth.set(m.month, entry);
  }
  const confirmed = signed.filter((g) => g.evidence === 'confirmed');
  const declared = signed.filter((g) => g.evidence !== 'confirmed');
  const links = await listLeadLinks(
    db,
    stories.map((s) => s.id),
  );
  const countWhere = (gs: Group[]) => sum(gs, (g) => n(g.leads));
  return {
    mission: {
      slug: mission.slug,
      title: mission.title,
      currency: mission.reporting_currency,
      startsOn: mission.starts_on,
      endsOn: mission.ends_on,
    },
    funnel: {
      organizations,
      requests,
      accepted,
      held,
      leads: countWhere(groups),
      negotiation: countWhere(groups.filter((g) => g.stage === 'negotiation' || g.stage === 'signed')),
      signed: countWhere(signed),
    },
    value: {
      signedConfirmed: round(sum(confirmed, (g) => value(g.currency, g.amount))),
      signedDeclared: round(sum(declared, (g) => value(g.currency, g.amount))),
      signedTotal: round(sum(signed, (g) => value(g.currency, g.amount))),
      openPipeline: round(
        sum(
          groups.filter((g) => ['contact', 'follow_up', 'negotiation'].includes(g.stage)),
          (g) => value(g.currency, g.amount),
        ),
      ),
    },
    jobs: {
      actualConfirmed: sum(confirmed, (g) => n(g.jobs_actual)),
      actualDeclared: sum(declared, (g) => n(g.jobs_actual)),
      actualTotal: sum(signed, (g) => n(g.jobs_actual)),
      projected: sum(live, (g) => n(g.jobs_projected)),
    },
    counterfactual: {
      yes: countWhere(signed.filter((g) => g.counterfactual === 'yes')),
      partly: countWhere(signed.filter((g) => g.counterfactual === 'partly')),
      no: countWhere(signed.filter((g) => g.counterfactual === 'no')),
      unknown: countWhere(signed.filter((g) => g.counterfactual === null)),
    },
    bySector: split((g) => g.sector_code ?? 'none').map(([sector, gs]) => ({ sector, ...totals(gs) })),
    bySide: split((g) => g.side).map(([side, gs]) => ({ side, ...totals(gs) })),
    byMonth: [...byMonth]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([month, m]) => ({ month, signed: m.signed, value: round(m.value) })),
    unconverted,
    stories: stories.map((s) => ({
      title: s.title,
      story: s.story,
      sector: s.sector_code,
      organizations: links.organizations.filter((o) => o.lead_id === s.id).map((o) => o.name),
    })),
  };
}
