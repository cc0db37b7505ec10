import { stringify } from 'csv-stringify/sync';
import { inTransaction } from '../../db/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { findMissionBySlug, findTerritoryByName, insertTerritory } from '../../db/missions.repository.ts';
import { insertProgrammeItems } from '../../db/programme.repository.ts';
import { findUserByEmail, updateUserRow } from '../../db/users.repository.ts';
import { normalizeKey } from '../../domain/sectors.ts';
import type { AppContext } from '../context.ts';
import { createMission } from '../missions.service.ts';
import { ITEM_SEPARATOR, ROSTER_COLUMNS } from '../roster/columns.ts';
import { importRoster } from '../roster/import.service.ts';
import { hashPassword } from '../secrets.ts';
import { addUser, grantMissionRole } from '../users.service.ts';
import { loadDemoLeads } from './leads.ts';
import { DEMO_MEETING_PLANS, loadDemoMeetings } from './meetings.ts';
import { DELEGATION } from './organizations.delegation.ts';
import { HOST } from './organizations.host.ts';
import { AIX_MARSEILLE, type DemoTerritory, MIAMI_DADE } from './territories.ts';
import type { DemoOrganization } from './types.ts';

export const DEMO_PASSWORD = 'escale-demo-2026';
export const DEMO_MISSION = 'marseille-miami-2026';
export const RETURN_MISSION = 'miami-marseille-2027';
/** The year before: its contacts have had time to become contracts. */
export const PREVIOUS_MISSION = 'marseille-miami-2025';
export const DEMO_ACCOUNTS = {
  organizer: 'organizer@demo.escale.example',
  official: 'official@demo.escale.example',
  participant: 'camille.roux@calanques-medtech.example',
} as const;

const domainOf = (name: string) => `${normalizeKey(name).split(' ').slice(0, 3).join('-')}.example`;
const emailOf = (o: DemoOrganization) =>
  `${normalizeKey(o[8][0].replace(/^(Dr\.?|Pr)\s+/, '')).replace(/ /g, '-')}.${normalizeKey(o[8][1]).replace(/ /g, '-')}@${domainOf(o[0])}`;

function rosterCsv(rows: { side: 'delegation' | 'host'; org: DemoOrganization; country: string }[]): Buffer {
  const records = rows.map(({ side, org, country }) => {
    const [name, kind, city, sectors, language, description, offers, requests, [first, last, title]] = org;
    const r: Record<(typeof ROSTER_COLUMNS)[number], string> = {
      side,
      organization: name,
      kind,
      country,
      city,
      website: `https://www.${domainOf(name)}`,
      sectors,
      description,
      offers: offers.join(ITEM_SEPARATOR),
      requests: requests.join(ITEM_SEPARATOR),
      first_name: first,
      last_name: last,
      email: emailOf(org),
      title,
      language,
    };
    return ROSTER_COLUMNS.map((c) => r[c]);
  });
  return Buffer.from(stringify([[...ROSTER_COLUMNS], ...records]));
}

async function ensureTerritory(ctx: AppContext, t: DemoTerritory): Promise<void> {
  if (await findTerritoryByName(ctx.db.kysely, t.name)) return;
  const id = newId();
  await inTransaction(ctx.db, (trx) =>
    insertTerritory(
      trx,
      {
        id,
        name: t.name,
        country: t.country,
        timezone: t.timezone,
        pitch_fr: t.pitchFr,
        pitch_en: t.pitchEn,
      },
      t.facts.map((f, position) => ({
        id: newId(),
        territory_id: id,
        sector_code: f.sector,
        value: f.value,
        label_fr: f.fr,
        label_en: f.en,
        position,
      })),
    ),
  );
}

function programme(missionId: string) {
  // Miami is UTC-5 in November: 09:00 local is 14:00 UTC.
  const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour + 5)).toISOString();
  const item = (
    day: number,
    from: number,
    to: number,
    kind: string,
    fr: string,
    en: string,
    venue: string,
    sector: string | null,
    capacity: number | null,
  ) => ({
    id: newId(),
    mission_id: missionId,
    kind,
    title_fr: fr,
    title_en: en,
    sector_code: sector,
    starts_at: at(day, from),
    ends_at: at(day, to),
    venue,
    capacity,
  });
  return [
    item(
      16,
      9,
      11,
      'plenary',
      'Ouverture de la mission et signature de l’accord de villes jumelles',
      'Mission opening and sister-city agreement signing',
      'County Hall, Commission Chamber',
      null,
      250,
    ),
    item(
      16,
      14,
      17,
      'workshop',
      'Atelier santé : télésurveillance et essais cliniques',
      'Health workshop: remote monitoring and clinical trials',
      'Biscayne Health System, Innovation Center',
      'health',
      60,
    ),
    item(
      17,
      9,
      12,
      'workshop',
      'Atelier numérique : câbles sous-marins et centres de données',
      'Digital workshop: subsea cables and data centers',
      'Brickell Innovation Hub',
      'digital',
      60,
    ),
    item(
      17,
      14,
      18,
      'workshop',
      'Rendez-vous B2B — jour 1',
      'B2B meetings — day 1',
      'Miami Convention Center, Hall B',
      null,
      null,
    ),
    item(
      18,
      9,
      12,
      'site_visit',
      'Visite du port de Miami',
      'Port of Miami site visit',
      'PortMiami',
      'maritime_logistics',
      40,
    ),
    item(
      18,
      14,
      18,
      'workshop',
      'Rendez-vous B2B — jour 2',
      'B2B meetings — day 2',
      'Miami Convention Center, Hall B',
      null,
      null,
    ),
    item(
      19,
      10,
      12,
      'workshop',
      'Atelier aéronautique et maintenance',
      'Aviation and MRO workshop',
      'Opa-locka Executive Airport',
      'aeronautics',
      30,
    ),
    item(
      19,
      19,
      22,
      'reception',
      'Réception au consulat général de France',
      'Reception at the Consulate General of France',
      'Consul’s residence',
      null,
      150,
    ),
  ];
}

/** The 2025 mission to Miami-Dade, with half of each side, for a follow-up history of a full year. */
async function ensurePreviousMission(ctx: AppContext): Promise<void> {
  if (await findMissionBySlug(ctx.db.kysely, PREVIOUS_MISSION)) return;
  await createMission(ctx, 'system', {
    slug: PREVIOUS_MISSION,
    title: 'Mission économique Aix-Marseille-Provence à Miami-Dade 2025',
    origin: AIX_MARSEILLE.name,
    host: MIAMI_DADE.name,
    timezone: 'America/New_York',
    startsOn: '2025-11-17',
    endsOn: '2025-11-21',
    reportingCurrency: 'EUR',
    sectors: ['health', 'digital', 'maritime_logistics', 'energy_environment', 'agrifood', 'cosmetics'],
  });
  await importRoster(
    ctx,
    'system',
    PREVIOUS_MISSION,
    rosterCsv([
      ...DELEGATION.filter((_, i) => i % 2 === 1).map((org) => ({
        side: 'delegation' as const,
        org,
        country: 'France',
      })),
      ...HOST.filter((_, i) => i % 2 === 0).map((org) => ({
        side: 'host' as const,
        org,
        country: 'United States',
      })),
    ]),
    { dryRun: false },
  );
  for (const [email, role] of [
    [DEMO_ACCOUNTS.organizer, 'organizer'],
    [DEMO_ACCOUNTS.official, 'official'],
  ] as const) {
    if (await findUserByEmail(ctx.db.kysely, email))
      await grantMissionRole(ctx, 'system', PREVIOUS_MISSION, { email, role });
  }
}

/** Loads the fictional Aix-Marseille-Provence ↔ Miami-Dade demo; does nothing when it is there already. */
export async function loadDemo(ctx: AppContext): Promise<{ loaded: boolean }> {
  if (await findMissionBySlug(ctx.db.kysely, DEMO_MISSION)) {
    // An older demo database gains what later versions added, once.
    await ensurePreviousMission(ctx);
    await loadDemoMeetings(ctx, DEMO_MEETING_PLANS);
    await loadDemoLeads(ctx);
    return { loaded: false };
  }
  await ensureTerritory(ctx, AIX_MARSEILLE);
  await ensureTerritory(ctx, MIAMI_DADE);
  const outbound = await createMission(ctx, 'system', {
    slug: DEMO_MISSION,
    title: 'Mission économique Aix-Marseille-Provence à Miami-Dade',
    origin: AIX_MARSEILLE.name,
    host: MIAMI_DADE.name,
    timezone: 'America/New_York',
    startsOn: '2026-11-16',
    endsOn: '2026-11-20',
    reportingCurrency: 'EUR',
    sectors: [
      'health',
      'digital',
      'aeronautics',
      'maritime_logistics',
      'energy_environment',
      'tourism',
      'creative_industries',
      'agrifood',
      'finance',
      'construction',
      'education_research',
      'cosmetics',
    ],
  });
  await createMission(ctx, 'system', {
    slug: RETURN_MISSION,
    title: 'Return mission: Miami-Dade in Aix-Marseille-Provence',
    origin: MIAMI_DADE.name,
    host: AIX_MARSEILLE.name,
    timezone: 'Europe/Paris',
    startsOn: '2027-06-07',
    endsOn: '2027-06-11',
    reportingCurrency: 'EUR',
    sectors: [
      'health',
      'digital',
      'maritime_logistics',
      'energy_environment',
      'finance',
      'education_research',
    ],
  });

  await importRoster(
    ctx,
    'system',
    DEMO_MISSION,
    rosterCsv([
      ...DELEGATION.map((org) => ({ side: 'delegation' as const, org, country: 'France' })),
      ...HOST.map((org) => ({ side: 'host' as const, org, country: 'United States' })),
    ]),
    { dryRun: false },
  );
  await importRoster(
    ctx,
    'system',
    RETURN_MISSION,
    rosterCsv([
      ...HOST.filter((_, i) => i % 3 === 0).map((org) => ({
        side: 'delegation' as const,
        org,
        country: 'United States',
      })),
      ...DELEGATION.filter((_, i) => i % 2 === 0).map((org) => ({
        side: 'host' as const,
        org,
        country: 'France',
      })),
    ]),
    { dryRun: false },
  );
  await inTransaction(ctx.db, (trx) => insertProgrammeItems(trx, programme(outbound.id)));

  await addUser(ctx, 'system', {
    email: DEMO_ACCOUNTS.organizer,
    displayName: 'Claire Organisatrice',
    password: DEMO_PASSWORD,
  });
  await addUser(ctx, 'system', {
    email: DEMO_ACCOUNTS.official,
    displayName: 'Paul Élu',
    password: DEMO_PASSWORD,
  });
  for (const slug of [DEMO_MISSION, RETURN_MISSION]) {
    await grantMissionRole(ctx, 'system', slug, { email: DEMO_ACCOUNTS.organizer, role: 'organizer' });
    await grantMissionRole(ctx, 'system', slug, { email: DEMO_ACCOUNTS.official, role: 'official' });
  }
  const participant = await findUserByEmail(ctx.db.kysely, DEMO_ACCOUNTS.participant);
  if (participant)
    await updateUserRow(ctx.db.kysely, participant.id, { password_hash: await hashPassword(DEMO_PASSWORD) });
  await ensurePreviousMission(ctx);
  await loadDemoMeetings(ctx, DEMO_MEETING_PLANS);
  await loadDemoLeads(ctx);
  ctx.log.info(`demo loaded at ${nowIso()}`);
  return { loaded: true };
}
