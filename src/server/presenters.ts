import type { MissionRow, TerritoryFactRow, TerritoryRow } from '../db/missions.repository.ts';
import type { OpportunityRow } from '../db/organizations.repository.ts';
import type { PersonRow } from '../db/people.repository.ts';
import type { Actor } from '../services/actor.ts';
import type { getMissionOrganization } from '../services/directory.service.ts';
import type { DirectoryEntry } from '../services/directory-index.ts';

/** Presenters decide exactly what leaves the server; a new column never leaks by accident. */

export const presentMission = (m: MissionRow) => ({
  slug: m.slug,
  title: m.title,
  timezone: m.timezone,
  startsOn: m.starts_on,
  endsOn: m.ends_on,
  reportingCurrency: m.reporting_currency,
  summary: { fr: m.summary_fr, en: m.summary_en },
});

export const presentTerritory = (p: { territory: TerritoryRow; facts: TerritoryFactRow[] }) => ({
  name: p.territory.name,
  country: p.territory.country,
  timezone: p.territory.timezone,
  pitch: { fr: p.territory.pitch_fr, en: p.territory.pitch_en },
  facts: p.facts.map((f) => ({
    sector: f.sector_code,
    value: f.value,
    label: { fr: f.label_fr, en: f.label_en },
  })),
});

export const presentActor = (a: Actor) => ({
  id: a.userId,
  email: a.email,
  displayName: a.displayName,
  isAdmin: a.isAdmin,
  personId: a.personId,
  organizationId: a.organizationId,
  missions: Object.fromEntries(a.roles),
});

export const presentOrganizationCard = (e: DirectoryEntry) => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  country: e.country,
  city: e.city,
  side: e.side,
  sectors: e.sectors,
  summary: e.summary,
  language: e.language,
});

export const presentOpportunity = (o: OpportunityRow) => ({
  kind: o.kind,
  text: o.text,
  language: o.language,
});

type PersonWithContext = PersonRow & { side?: string; organization_name?: string };

export const presentPerson = (p: PersonWithContext, seesContacts: boolean) => ({
  id: p.id,
  organizationId: p.organization_id,
  ...(p.organization_name !== undefined && { organizationName: p.organization_name }),
  ...(p.side !== undefined && { side: p.side }),
  firstName: p.first_name,
  lastName: p.last_name,
  title: p.title,
  language: p.language,
  ...(seesContacts && { email: p.email }),
});

type OrganizationView = Awaited<ReturnType<typeof getMissionOrganization>>;

export const presentOrganization = (o: OrganizationView) => ({
  id: o.row.id,
  name: o.row.name,
  kind: o.row.kind,
  country: o.row.country,
  city: o.row.city,
  side: o.row.side,
  sectors: o.sectors,
  website: o.row.website,
  targetCountries: JSON.parse(o.row.target_countries) as string[],
  description: o.row.description,
  descriptionLanguage: o.row.description_language,
  offers: o.opportunities.filter((x) => x.kind === 'offer').map(presentOpportunity),
  requests: o.opportunities.filter((x) => x.kind === 'request').map(presentOpportunity),
  people: o.people.map((p) => presentPerson(p, o.seesContacts)),
  canEdit: o.canEdit,
});
