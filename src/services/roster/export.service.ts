import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import {
  listOpportunitiesOfOrganizations,
  listOrganizationsOfMission,
  listPeopleOfMission,
  listRegistrationsOfMission,
  listSectorRowsOfOrganizations,
} from '../../db/roster.repository.ts';
import { pushTo } from '../../domain/collections.ts';
import { ExportFormatSchema } from '../../domain/schemas.ts';
import { normalizeKey } from '../../domain/sectors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { findMissionOrThrow } from '../missions.service.ts';
import { ITEM_SEPARATOR, ROSTER_COLUMNS } from './columns.ts';

/** The mission's participants as rows of the import columns, one per person, in a stable order. */
async function rosterRows(ctx: AppContext, missionId: string): Promise<string[][]> {
  const db = ctx.db.kysely;
  const [registrations, people, orgs] = await Promise.all([
    listRegistrationsOfMission(db, missionId),
    listPeopleOfMission(db, missionId),
    listOrganizationsOfMission(db, missionId),
  ]);
  const orgIds = orgs.map((o) => o.id);
  const [sectorRows, oppRows] = await Promise.all([
    listSectorRowsOfOrganizations(db, orgIds),
    listOpportunitiesOfOrganizations(db, orgIds),
  ]);
  const personById = new Map(people.map((p) => [p.id, p]));
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const sectors = new Map<string, string[]>();
  for (const s of sectorRows) pushTo(sectors, s.organization_id, s.sector_code);
  const items = (orgId: string, kind: string) =>
    oppRows
      .filter((o) => o.organization_id === orgId && o.kind === kind)
      .map((o) => o.text)
      .join(ITEM_SEPARATOR);
  const oppsByOrg = new Map<string, { offers: string; requests: string }>();
  for (const id of orgIds) oppsByOrg.set(id, { offers: items(id, 'offer'), requests: items(id, 'request') });

  const rows = registrations.map((r) => {
    const p = personById.get(r.person_id)!;
    const o = orgById.get(r.organization_id)!;
    const opps = oppsByOrg.get(o.id)!;
    const record: Record<(typeof ROSTER_COLUMNS)[number], string> = {
      side: r.side,
      organization: o.name,
      kind: o.kind,
      country: o.country,
      city: o.city,
      website: o.website,
      sectors: (sectors.get(o.id) ?? []).sort().join(';'),
      description: o.description,
      offers: opps.offers,
      requests: opps.requests,
      first_name: p.first_name,
      last_name: p.last_name,
      email: p.email,
      title: p.title,
      language: p.language,
    };
    return ROSTER_COLUMNS.map((c) => record[c]);
  });
  const sortKey = (row: string[]) => `${normalizeKey(row[1] ?? '')}|${row[12]}`;
  return rows.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
}

/** Writes the mission's participants as CSV (UTF-8 with BOM, for spreadsheet programs) or XLSX. Organizers only. */
export async function exportRoster(
  ctx: AppContext,
  actor: Actor | 'system',
  slug: string,
  rawFormat: unknown,
): Promise<{ format: 'csv' | 'xlsx'; data: Buffer }> {
  const format = ExportFormatSchema.parse(rawFormat);
  const mission = await findMissionOrThrow(ctx, slug);
  if (actor !== 'system') requireRole(actor, mission.id, ['organizer']);
  const rows = await rosterRows(ctx, mission.id);
  if (format === 'csv') {
    return { format, data: Buffer.from(`\uFEFF${stringify([[...ROSTER_COLUMNS], ...rows])}`, 'utf8') };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('participants');
  sheet.addRow([...ROSTER_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  return { format, data: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
