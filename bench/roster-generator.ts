import { stringify } from 'csv-stringify/sync';
import { ORGANIZATION_KINDS } from '../src/domain/enums.ts';
import { seededRandom } from '../src/domain/random.ts';
import { SECTORS } from '../src/domain/sectors.ts';
import { ROSTER_COLUMNS } from '../src/services/roster/columns.ts';

const FIRST = [
  'Alex',
  'Sam',
  'Camille',
  'Jordan',
  'Noa',
  'Robin',
  'Charlie',
  'Lou',
  'Eden',
  'Maxime',
  'Sacha',
  'Morgan',
];
const LAST = [
  'Arden',
  'Belmont',
  'Corvin',
  'Dallory',
  'Estrel',
  'Fauvel',
  'Garnet',
  'Hollis',
  'Ivarre',
  'Jessop',
];
const WORDS = [
  'remote',
  'monitoring',
  'freight',
  'solar',
  'payment',
  'security',
  'sensors',
  'tourism',
  'data',
  'biotech',
  'composite',
  'hydrogen',
  'design',
  'wine',
  'logistics',
  'clinical',
  'trials',
  'cloud',
  'drones',
  'cosmetics',
];

/** A participants CSV of `people` contacts spread over `organizations` fictional organizations. */
export function generateRosterCsv(organizations: number, people: number, seed = 7): Buffer {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const orgs = Array.from({ length: organizations }, (_, i) => ({
    name: `Bench Organization ${i + 1} ${pick(WORDS)}`,
    side: i % 2 === 0 ? 'delegation' : 'host',
    country: i % 2 === 0 ? 'France' : 'United States',
    kind: pick(ORGANIZATION_KINDS),
    sectors: [...new Set([pick(SECTORS).code, pick(SECTORS).code])].join(';'),
    description: `We work on ${phrase(12)}.`,
    offers: [phrase(4), phrase(5)].join(' | '),
    requests: [phrase(4)].join(' | '),
    language: i % 2 === 0 ? 'fr' : 'en',
  }));
  const rows = Array.from({ length: people }, (_, i) => {
    const o = orgs[i % organizations]!;
    const rec: Record<(typeof ROSTER_COLUMNS)[number], string> = {
      side: o.side,
      organization: o.name,
      kind: o.kind,
      country: o.country,
      city: o.country === 'France' ? 'Marseille' : 'Miami',
      website: '',
      sectors: o.sectors,
      description: o.description,
      offers: o.offers,
      requests: o.requests,
      first_name: pick(FIRST),
      last_name: pick(LAST),
      email: `person${i + 1}@bench.example`,
      title: 'Director',
      language: o.language,
    };
    return ROSTER_COLUMNS.map((c) => rec[c]);
  });
  return Buffer.from(stringify([[...ROSTER_COLUMNS], ...rows]));
}
