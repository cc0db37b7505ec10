import { type AuditEntry, insertAuditEntries } from '../../db/audit.repository.ts';
import { type Executor, inTransaction } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { OpportunityRow, OrganizationRow } from '../../db/organizations.repository.ts';
import {
  bumpDirectoryVersionOfMission,
  bumpDirectoryVersionOfOrganization,
  updateOrganizationRow,
} from '../../db/organizations.repository.ts';
import type { PersonRow, RegistrationRow } from '../../db/people.repository.ts';
import { updatePersonRow } from '../../db/people.repository.ts';
import {
  deleteProfileDetails,
  findOrganizationsByNameKeys,
  findPeopleByEmails,
  insertOpportunities,
  insertOrganizationSectors,
  insertOrganizations,
  insertPeople,
  insertRegistrations,
  listOpportunitiesOfOrganizations,
  listRegistrationsOfMission,
  listSectorRowsOfOrganizations,
  updateRegistration,
} from '../../db/roster.repository.ts';
import {
  findUsersByEmails,
  insertMissionRoles,
  insertUsers,
  listRolesOfMission,
  type UserRow,
  updateUserRow,
} from '../../db/users.repository.ts';
import { pushTo } from '../../domain/collections.ts';
import { normalizeKey } from '../../domain/sectors.ts';
import { type Actor, requireRole } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { findMissionOrThrow } from '../missions.service.ts';
import { organizationSearchText, personSearchText } from '../search-text.ts';
import { readSheet } from './read-sheet.ts';
import { type RosterRow, validateRosterRows } from './validate-rows.ts';

export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}
export interface ImportSummary {
  dryRun: boolean;
  rows: number;
  organizations: Tally;
  people: Tally;
  registrations: Tally;
  accounts: { created: number; granted: number };
}

interface OpportunityDraft {
  kind: 'offer' | 'request';
  text: string;
  language: string;
}
interface OrgTarget {
  key: string;
  row: OrganizationRow;
  sectors: string[];
  opportunities: OpportunityDraft[];
  state: 'created' | 'updated' | 'unchanged';
}

const orgKey = (name: string, country: string) => `${normalizeKey(name)}|${normalizeKey(country)}`;
const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const oppKey = (o: OpportunityDraft) => `${o.kind}\u0000${o.language}\u0000${o.text}`;
// The same item on two contacts' rows is one item, tagged with the language of the first row that has it.
const itemKey = (o: OpportunityDraft) => `${o.kind}\u0000${normalizeKey(o.text)}`;

/** The first row of an organization gives its profile; later rows add contacts, sectors and items. */
function mergeOrganizationRows(rows: RosterRow[]) {
  const byKey = new Map<
    string,
    {
      first: RosterRow;
      description: RosterRow | undefined;
      sectors: Set<string>;
      opps: Map<string, OpportunityDraft>;
    }
  >();
  for (const r of rows) {
    const key = orgKey(r.organization, r.country);
    let entry = byKey.get(key);
    if (!entry) {
      entry = { first: r, description: undefined, sectors: new Set(), opps: new Map() };
      byKey.set(key, entry);
    }
    if (!entry.description && r.description) entry.description = r;
    for (const s of r.sectors) entry.sectors.add(s);
    for (const [kind, items] of [
      ['offer', r.offers],
      ['request', r.requests],
    ] as const) {
      for (const text of items) {
        const o = { kind, text, language: r.language };
        if (!entry.opps.has(itemKey(o))) entry.opps.set(itemKey(o), o);
      }
    }
  }
  return byKey;
}

async function planOrganizations(
  db: Executor,
  rows: RosterRow[],
  now: string,
): Promise<Map<string, OrgTarget>> {
  const merged = mergeOrganizationRows(rows);
  const existing = new Map<string, OrganizationRow>();
  for (const o of await findOrganizationsByNameKeys(
    db,
    [...merged.values()].map((m) => normalizeKey(m.first.organization)),
  )) {
    existing.set(orgKey(o.name, o.country), o);
  }
  const existingIds = [...existing.values()].map((o) => o.id);
  const sectorRows = await listSectorRowsOfOrganizations(db, existingIds);
  const oppRows = await listOpportunitiesOfOrganizations(db, existingIds);
  const sectorsOf = new Map<string, string[]>();
  for (const s of sectorRows) pushTo(sectorsOf, s.organization_id, s.sector_code);
  const oppsOf = new Map<string, OpportunityDraft[]>();
  for (const o of [...oppRows].sort((a, b) => a.position - b.position)) {
    const list = oppsOf.get(o.organization_id) ?? [];
    list.push({ kind: o.kind as 'offer' | 'request', text: o.text, language: o.language });
    oppsOf.set(o.organization_id, list);
  }

  const targets = new Map<string, OrgTarget>();
  for (const [key, m] of merged) {
    const r = m.first;
    const fileSectors = [...m.sectors].sort();
    const fileOpps = [...m.opps.values()];
    const old = existing.get(key);
    if (!old) {
      const row: OrganizationRow = {
        id: newId(),
        name: r.organization,
        name_key: normalizeKey(r.organization),
        kind: r.kind,
        country: r.country,
        city: r.city,
        website: r.website,
        description: m.description?.description ?? '',
        target_countries: '[]',
        description_language: m.description?.language ?? r.language,
        search_text: '',
        created_at: now,
        updated_at: now,
      };
      row.search_text = organizationSearchText(
        row,
        fileOpps.map((o) => o.text),
      );
      targets.set(key, { key, row, sectors: fileSectors, opportunities: fileOpps, state: 'created' });
      continue;
    }
    // Empty cells keep what the organization already has: a contact list never erases a profile.
    const oldSectors = [...(sectorsOf.get(old.id) ?? [])].sort();
    const oldOpps = oppsOf.get(old.id) ?? [];
    const row: OrganizationRow = {
      ...old,
      kind: r.kind,
      city: r.city || old.city,
      website: r.website || old.website,
      description: m.description?.description || old.description,
      description_language: m.description ? m.description.language : old.description_language,
    };
    const sectors = fileSectors.length > 0 ? fileSectors : oldSectors;
    const opportunities = fileOpps.length > 0 ? fileOpps : oldOpps;
    const isSame =
      row.kind === old.kind &&
      row.city === old.city &&
      row.website === old.website &&
      row.description === old.description &&
      row.description_language === old.description_language &&
      sameList(sectors, oldSectors) &&
      sameList(opportunities.map(oppKey), oldOpps.map(oppKey));
    if (!isSame) {
      row.updated_at = now;
      row.search_text = organizationSearchText(
        row,
        opportunities.map((o) => o.text),
      );
    }
    targets.set(key, { key, row, sectors, opportunities, state: isSame ? 'unchanged' : 'updated' });
  }
  return targets;
}

/**
 * Imports a participants sheet into a mission. All or nothing: a bad row rejects the whole file
 * (`import_rejected` listing every bad row) and a dry run writes nothing. Re-importing the same file
 * changes nothing: people are matched by e-mail, organizations by name and country.
 */
export async function importRoster(
  ctx: AppContext,
  actor: Actor | 'system',
  slug: string,
  data: Buffer,
  opts: { dryRun: boolean },
): Promise<ImportSummary> {
  const mission = await findMissionOrThrow(ctx, slug);
  if (actor !== 'system') requireRole(actor, mission.id, ['organizer']);
  const rows = validateRosterRows(await readSheet(data));
  const userId = actor === 'system' ? null : actor.userId;

  return inTransaction(ctx.db, async (trx) => {
    const now = nowIso();
    const summary: ImportSummary = {
      dryRun: opts.dryRun,
      rows: rows.length,
      organizations: tally(),
      people: tally(),
      registrations: tally(),
      accounts: { created: 0, granted: 0 },
    };
    const audit: AuditEntry[] = [];
    const log = (
      entity: string,
      entityId: string,
      action: AuditEntry['action'],
      changes: Record<string, unknown>,
    ) => audit.push({ userId, missionId: mission.id, entity, entityId, action, changes });

    const orgs = await planOrganizations(trx, rows, now);
    for (const t of orgs.values()) {
      summary.organizations[t.state]++;
      if (t.state !== 'unchanged')
        log('organization', t.row.id, t.state === 'created' ? 'create' : 'update', {
          name: t.row.name,
          via: 'import',
        });
    }

    const people = new Map(
      (
        await findPeopleByEmails(
          trx,
          rows.map((r) => r.email),
        )
      ).map((p) => [p.email, p]),
    );
    const newPeople: PersonRow[] = [];
    const changedPeople: PersonRow[] = [];
    const personIdOfRow = new Map<RosterRow, string>();
    for (const r of rows) {
      const organizationId = orgs.get(orgKey(r.organization, r.country))!.row.id;
      const old = people.get(r.email);
      const names = { first_name: r.firstName, last_name: r.lastName, title: r.title || (old?.title ?? '') };
      const target = {
        organization_id: organizationId,
        ...names,
        language: r.language,
        search_text: personSearchText(names),
      };
      if (!old) {
        const p: PersonRow = {
          id: newId(),
          email: r.email,
          notification_mode: 'immediate',
          created_at: now,
          updated_at: now,
          ...target,
        };
        newPeople.push(p);
        personIdOfRow.set(r, p.id);
        summary.people.created++;
        log('person', p.id, 'create', { email: r.email, via: 'import' });
        continue;
      }
      personIdOfRow.set(r, old.id);
      const isSame = (Object.keys(target) as (keyof typeof target)[]).every((k) => target[k] === old[k]);
      if (isSame) summary.people.unchanged++;
      else {
        changedPeople.push({ ...old, ...target, updated_at: now });
        summary.people.updated++;
        log('person', old.id, 'update', { ...target, via: 'import' });
      }
    }

    const registrations = new Map(
      (await listRegistrationsOfMission(trx, mission.id)).map((r) => [r.person_id, r]),
    );
    const newRegistrations: RegistrationRow[] = [];
    const changedRegistrations: { id: string; side: string; organization_id: string }[] = [];
    for (const r of rows) {
      const personId = personIdOfRow.get(r)!;
      const organizationId = orgs.get(orgKey(r.organization, r.country))!.row.id;
      const old = registrations.get(personId);
      if (!old) {
        const reg = {
          id: newId(),
          mission_id: mission.id,
          person_id: personId,
          organization_id: organizationId,
          side: r.side,
          presence_days: '[]',
          created_at: now,
        };
        newRegistrations.push(reg);
        summary.registrations.created++;
        log('registration', reg.id, 'create', { side: r.side, via: 'import' });
      } else if (old.side !== r.side || old.organization_id !== organizationId) {
        changedRegistrations.push({ id: old.id, side: r.side, organization_id: organizationId });
        summary.registrations.updated++;
        log('registration', old.id, 'update', { side: r.side, via: 'import' });
      } else summary.registrations.unchanged++;
    }

    // Every imported contact can sign in with an e-mailed link as a participant of the mission.
    const users = new Map(
      (
        await findUsersByEmails(
          trx,
          rows.map((r) => r.email),
        )
      ).map((u) => [u.email, u]),
    );
    const roles = new Set((await listRolesOfMission(trx, mission.id)).map((r) => r.user_id));
    const newUsers: UserRow[] = [];
    const grants: { user_id: string; mission_id: string; role: string; created_at: string }[] = [];
    const links: { userId: string; personId: string }[] = [];
    for (const r of rows) {
      const personId = personIdOfRow.get(r)!;
      let user = users.get(r.email);
      if (!user) {
        user = {
          id: newId(),
          email: r.email,
          display_name: `${r.firstName} ${r.lastName}`,
          password_hash: null,
          person_id: personId,
          is_admin: 0,
          created_at: now,
        };
        newUsers.push(user);
        summary.accounts.created++;
      } else if (!user.person_id) links.push({ userId: user.id, personId });
      if (!roles.has(user.id)) {
        grants.push({ user_id: user.id, mission_id: mission.id, role: 'participant', created_at: now });
        roles.add(user.id);
        summary.accounts.granted++;
        log('mission_role', user.id, 'grant', { role: 'participant', via: 'import' });
      }
    }

    if (opts.dryRun) return summary;

    const created = [...orgs.values()].filter((t) => t.state === 'created');
    const updated = [...orgs.values()].filter((t) => t.state === 'updated');
    await insertOrganizations(
      trx,
      created.map((t) => t.row),
    );
    for (const t of updated) {
      const { id, ...rest } = t.row;
      await updateOrganizationRow(trx, id, rest);
    }
    await deleteProfileDetails(
      trx,
      updated.map((t) => t.row.id),
    );
    const touched = [...created, ...updated];
    await insertOrganizationSectors(
      trx,
      touched.flatMap((t) => t.sectors.map((sector_code) => ({ organization_id: t.row.id, sector_code }))),
    );
    await insertOpportunities(
      trx,
      touched.flatMap((t) =>
        t.opportunities.map(
          (o, position): OpportunityRow => ({
            id: newId(),
            organization_id: t.row.id,
            kind: o.kind,
            text: o.text,
            language: o.language,
            position,
          }),
        ),
      ),
    );
    await insertPeople(trx, newPeople);
    for (const p of changedPeople) {
      const { id, ...rest } = p;
      await updatePersonRow(trx, id, rest);
    }
    await insertRegistrations(trx, newRegistrations);
    for (const { id, ...patch } of changedRegistrations) await updateRegistration(trx, id, patch);
    await insertUsers(trx, newUsers);
    for (const l of links) await updateUserRow(trx, l.userId, { person_id: l.personId });
    await insertMissionRoles(trx, grants);
    for (const t of updated) await bumpDirectoryVersionOfOrganization(trx, t.row.id);
    if (created.length > 0 || newRegistrations.length > 0 || changedRegistrations.length > 0) {
      await bumpDirectoryVersionOfMission(trx, mission.id);
    }
    await insertAuditEntries(trx, audit);
    return summary;
  });
}
