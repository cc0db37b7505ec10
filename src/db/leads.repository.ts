import { sql } from 'kysely';
import type { Executor } from './database.ts';
import type { Database } from './tables.ts';

export type LeadRow = Database['leads'];
export type LeadHistoryRow = Database['lead_history'];

export async function insertLead(
  db: Executor,
  row: LeadRow,
  links: { organizationIds: string[]; meetingIds: string[]; missionIds: string[] },
): Promise<void> {
  await db.insertInto('leads').values(row).execute();
  await replaceLeadLinks(db, row.id, links);
}

export async function replaceLeadLinks(
  db: Executor,
  leadId: string,
  links: { organizationIds?: string[]; meetingIds?: string[]; missionIds?: string[] },
): Promise<void> {
  if (links.organizationIds) {
    await db.deleteFrom('lead_organizations').where('lead_id', '=', leadId).execute();
    const rows = [...new Set(links.organizationIds)].map((organization_id) => ({
      lead_id: leadId,
      organization_id,
    }));
    if (rows.length > 0) await db.insertInto('lead_organizations').values(rows).execute();
  }
  if (links.meetingIds) {
    await db.deleteFrom('lead_meetings').where('lead_id', '=', leadId).execute();
    const rows = [...new Set(links.meetingIds)].map((meeting_id) => ({ lead_id: leadId, meeting_id }));
    if (rows.length > 0) await db.insertInto('lead_meetings').values(rows).execute();
  }
  if (links.missionIds) {
    await db.deleteFrom('lead_missions').where('lead_id', '=', leadId).execute();
    const rows = [...new Set(links.missionIds)].map((mission_id) => ({ lead_id: leadId, mission_id }));
    if (rows.length > 0) await db.insertInto('lead_missions').values(rows).execute();
  }
}

export async function updateLeadRow(
  db: Executor,
  id: string,
  patch: Partial<Omit<LeadRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('leads').set(patch).where('id', '=', id).execute();
}

export function findLead(db: Executor, id: string): Promise<LeadRow | undefined> {
  return db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Leads credited to a mission; with `organizationId`, only those where that organization takes part. */
export function listLeadsOfMission(
  db: Executor,
  missionId: string,
  organizationId?: string,
): Promise<LeadRow[]> {
  let q = db
    .selectFrom('leads as l')
    .selectAll('l')
    .where('l.id', 'in', (eb) =>
      eb.selectFrom('lead_missions').select('lead_id').where('mission_id', '=', missionId),
    );
  if (organizationId) {
    q = q.where('l.id', 'in', (eb) =>
      eb.selectFrom('lead_organizations').select('lead_id').where('organization_id', '=', organizationId),
    );
  }
  return q.orderBy('l.updated_at', 'desc').orderBy('l.id').execute();
}

export async function listLeadLinks(db: Executor, leadIds: string[]) {
  const out = {
    organizations: [] as { lead_id: string; organization_id: string; name: string }[],
    meetings: [] as { lead_id: string; meeting_id: string }[],
    missions: [] as { lead_id: string; mission_id: string; slug: string; title: string }[],
  };
  for (let i = 0; i < leadIds.length; i += 500) {
    const chunk = leadIds.slice(i, i + 500);
    out.organizations.push(
      ...(await db
        .selectFrom('lead_organizations as lo')
        .innerJoin('organizations as o', 'o.id', 'lo.organization_id')
        .select(['lo.lead_id', 'lo.organization_id', 'o.name'])
        .where('lo.lead_id', 'in', chunk)
        .orderBy('o.name')
        .execute()),
    );
    out.meetings.push(
      ...(await db.selectFrom('lead_meetings').selectAll().where('lead_id', 'in', chunk).execute()),
    );
    out.missions.push(
      ...(await db
        .selectFrom('lead_missions as lm')
        .innerJoin('missions as m', 'm.id', 'lm.mission_id')
        .select(['lm.lead_id', 'lm.mission_id', 'm.slug', 'm.title'])
        .where('lm.lead_id', 'in', chunk)
        .execute()),
    );
  }
  return out;
}

export async function insertLeadHistory(db: Executor, rows: LeadHistoryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('lead_history')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function listLeadHistory(db: Executor, leadId: string) {
  return db
    .selectFrom('lead_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select(['h.id', 'h.at', 'h.source', 'h.changes', 'u.display_name'])
    .where('h.lead_id', '=', leadId)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
}

export function listRatesOfMission(db: Executor, missionId: string) {
  return db
    .selectFrom('mission_rates')
    .selectAll()
    .where('mission_id', '=', missionId)
    .orderBy('currency')
    .execute();
}

export async function upsertRate(db: Executor, row: Database['mission_rates']): Promise<void> {
  await db
    .insertInto('mission_rates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['mission_id', 'currency']).doUpdateSet({ rate: row.rate, recorded_on: row.recorded_on }),
    )
    .execute();
}

/**
 * The leads credited to a mission, grouped by everything the dashboard splits on, with their counts and
 * sums: a few hundred rows however many leads there are. Amounts stay per currency (rates are linear).
 */
export interface LeadFilter {
  side?: string | undefined;
  sector?: string | undefined;
  type?: string | undefined;
}

export function listLeadGroupsOfMission(db: Executor, missionId: string, filter: LeadFilter = {}) {
  const q = db
    .selectFrom('lead_missions as lm')
    .innerJoin('leads as l', 'l.id', 'lm.lead_id')
    .select(['l.sector_code', 'l.side', 'l.stage', 'l.evidence', 'l.currency', 'l.counterfactual'])
    .select((eb) => [
      eb.fn.countAll().as('leads'),
      eb.fn.count('l.amount').as('amounts'),
      eb.fn.sum('l.amount').as('amount'),
      eb.fn.sum('l.jobs_actual').as('jobs_actual'),
      eb.fn.sum('l.jobs_projected').as('jobs_projected'),
    ])
    .where('lm.mission_id', '=', missionId)
    .groupBy(['l.sector_code', 'l.side', 'l.stage', 'l.evidence', 'l.currency', 'l.counterfactual']);
  return q
    .$if(Boolean(filter.side), (qb) => qb.where('l.side', '=', filter.side as string))
    .$if(Boolean(filter.sector), (qb) => qb.where('l.sector_code', '=', filter.sector as string))
    .$if(Boolean(filter.type), (qb) => qb.where('l.type', '=', filter.type as string))
    .execute();
}

/** Signed leads of a mission per month of signature and currency. */
export function listSignedByMonth(db: Executor, missionId: string, filter: LeadFilter = {}) {
  // One literal expression in both clauses: PostgreSQL matches GROUP BY to SELECT only without parameters.
  const month = sql.raw<string>('substr(coalesce(l.signed_on, l.updated_at), 1, 7)');
  const q = db
    .selectFrom('lead_missions as lm')
    .innerJoin('leads as l', 'l.id', 'lm.lead_id')
    .select((eb) => [
      month.as('month'),
      'l.currency',
      eb.fn.countAll().as('signed'),
      eb.fn.sum('l.amount').as('amount'),
    ])
    .where('lm.mission_id', '=', missionId)
    .where('l.stage', '=', 'signed')
    .groupBy([month, 'l.currency']);
  return q
    .$if(Boolean(filter.side), (qb) => qb.where('l.side', '=', filter.side as string))
    .$if(Boolean(filter.sector), (qb) => qb.where('l.sector_code', '=', filter.sector as string))
    .$if(Boolean(filter.type), (qb) => qb.where('l.type', '=', filter.type as string))
    .execute();
}

/** The stories companies agreed to publish, with the lead's title and sector. */
export function listPublicStories(db: Executor, missionId: string, filter: LeadFilter = {}) {
  const q = db
    .selectFrom('leads as l')
    .select(['l.id', 'l.title', 'l.story', 'l.sector_code'])
    .where('l.story_public', '=', 1)
    .where('l.id', 'in', (eb) =>
      eb.selectFrom('lead_missions').select('lead_id').where('mission_id', '=', missionId),
    )
    .where('l.story', '<>', '')
    .orderBy('l.signed_on')
    .orderBy('l.id');
  return q
    .$if(Boolean(filter.side), (qb) => qb.where('l.side', '=', filter.side as string))
    .$if(Boolean(filter.sector), (qb) => qb.where('l.sector_code', '=', filter.sector as string))
    .$if(Boolean(filter.type), (qb) => qb.where('l.type', '=', filter.type as string))
    .execute();
}
