import type { Executor } from '../../db/database.ts';
import { listLeadLinks, listLeadsOfMission, listRatesOfMission } from '../../db/leads.repository.ts';
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

/**
 * The dashboard of one mission, from its rows: each lead credited to the mission counts once, however
 * many meetings it credits; actual and projected jobs stay apart; confirmed and declared stay apart.
 */
export async function computeDashboard(db: Executor, mission: MissionRow): Promise<Dashboard> {
  const [organizations, requests, accepted, held, leads, rates] = await Promise.all([
    db
      .selectFrom('registrations')
      .select((eb) => eb.fn.count('organization_id').distinct().as('n'))
      .where('mission_id', '=', mission.id)
      .executeTakeFirst()
      .then((r) => n(r?.n)),
    count(db, 'meeting_requests', mission.id),
    count(db, 'meeting_requests', mission.id, 'accepted'),
    count(db, 'meetings', mission.id, 'held'),
    listLeadsOfMission(db, mission.id),
    listRatesOfMission(db, mission.id),
  ]);
  const rate = new Map(rates.map((r) => [r.currency, r.rate]));
  rate.set(mission.reporting_currency, 1);
  let unconverted = 0;
  const leadValue = (l: (typeof leads)[number]): number => {
    if (l.amount === null) return 0;
    const r = rate.get(l.currency ?? mission.reporting_currency);
    if (r === undefined) {
      unconverted++;
      return 0;
    }
    return l.amount * r;
  };
  const values = new Map(leads.map((l) => [l.id, leadValue(l)]));
  const signed = leads.filter((l) => l.stage === 'signed');
  const sum = (xs: typeof leads, f: (l: (typeof leads)[number]) => number) =>
    xs.reduce((s, l) => s + f(l), 0);
  const totals = (xs: typeof leads): Totals => {
    const s = xs.filter((l) => l.stage === 'signed');
    return {
      leads: xs.length,
      signed: s.length,
      value: round(sum(s, (l) => values.get(l.id) ?? 0)),
      jobsActual: sum(s, (l) => l.jobs_actual ?? 0),
      jobsProjected: sum(
        xs.filter((l) => l.stage !== 'abandoned'),
        (l) => l.jobs_projected ?? 0,
      ),
    };
  };
  const groupBy = <K extends string>(key: (l: (typeof leads)[number]) => K) => {
    const groups = new Map<K, typeof leads>();
    for (const l of leads) groups.set(key(l), [...(groups.get(key(l)) ?? []), l]);
    return [...groups].sort((a, b) => a[0].localeCompare(b[0]));
  };
  const months = new Map<string, { signed: number; value: number }>();
  for (const l of signed) {
    const month = (l.signed_on ?? l.updated_at).slice(0, 7);
    const m = months.get(month) ?? { signed: 0, value: 0 };
    m.signed++;
    m.value += values.get(l.id) ?? 0;
    months.set(month, m);
  }
  const publicStories = leads.filter((l) => l.story_public === 1 && l.story.trim() !== '');
  const links = await listLeadLinks(
    db,
    publicStories.map((l) => l.id),
  );
  const confirmed = signed.filter((l) => l.evidence === 'confirmed');
  const declared = signed.filter((l) => l.evidence !== 'confirmed');
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
      leads: leads.length,
      negotiation: leads.filter((l) => l.stage === 'negotiation' || l.stage === 'signed').length,
      signed: signed.length,
    },
    value: {
      signedConfirmed: round(sum(confirmed, (l) => values.get(l.id) ?? 0)),
      signedDeclared: round(sum(declared, (l) => values.get(l.id) ?? 0)),
      signedTotal: round(sum(signed, (l) => values.get(l.id) ?? 0)),
      openPipeline: round(
        sum(
          leads.filter((l) => ['contact', 'follow_up', 'negotiation'].includes(l.stage)),
          (l) => values.get(l.id) ?? 0,
        ),
      ),
    },
    jobs: {
      actualConfirmed: sum(confirmed, (l) => l.jobs_actual ?? 0),
      actualDeclared: sum(declared, (l) => l.jobs_actual ?? 0),
      actualTotal: sum(signed, (l) => l.jobs_actual ?? 0),
      projected: sum(
        leads.filter((l) => l.stage !== 'abandoned'),
        (l) => l.jobs_projected ?? 0,
      ),
    },
    counterfactual: {
      yes: signed.filter((l) => l.counterfactual === 'yes').length,
      partly: signed.filter((l) => l.counterfactual === 'partly').length,
      no: signed.filter((l) => l.counterfactual === 'no').length,
      unknown: signed.filter((l) => l.counterfactual === null).length,
    },
    bySector: groupBy((l) => l.sector_code ?? 'none').map(([sector, xs]) => ({ sector, ...totals(xs) })),
    bySide: groupBy((l) => l.side).map(([side, xs]) => ({ side, ...totals(xs) })),
    byMonth: [...months]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([month, m]) => ({ month, signed: m.signed, value: round(m.value) })),
    unconverted,
    stories: publicStories.map((l) => ({
      title: l.title,
      story: l.story,
      sector: l.sector_code,
      organizations: links.organizations.filter((o) => o.lead_id === l.id).map((o) => o.name),
    })),
  };
}
