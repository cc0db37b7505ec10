import { stringify } from 'csv-stringify/sync';
import { ORGANIZATION_KINDS } from '../src/domain/enums.ts';
import { seededRandom } from '../src/domain/random.ts';
import { SECTORS } from '../src/domain/sectors.ts';
import { CONCEPTS } from '../src/matching/vocabulary.ts';
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

/**
 * A participants CSV of `people` contacts spread over `organizations` fictional organizations. With
 * `bilingual`, profiles speak French on the delegation side and English on the host side, with terms
 * of their sectors (as real profiles do), so the recommendation engine has realistic work to do.
 */
export function generateRosterCsv(
  organizations: number,
  people: number,
  seed = 7,
  opts: { bilingual?: boolean } = {},
): Buffer {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const orgs = Array.from({ length: organizations }, (_, i) => {
    const sectors = [...new Set([pick(SECTORS).code, pick(SECTORS).code])];
    const language = i % 2 === 0 ? 'fr' : 'en';
    const concepts = CONCEPTS.filter((c) => sectors.includes(c.sector) || c.sector === 'any');
    const term = () => pick(pick(concepts)[language]);
    const text = (n: number) =>
      opts.bilingual ? `${term()} ${language === 'fr' ? 'et' : 'and'} ${term()} ${phrase(n - 2)}` : phrase(n);
    return {
      name: `Bench Organization ${i + 1} ${pick(WORDS)}`,
      side: i % 2 === 0 ? 'delegation' : 'host',
      country: i % 2 === 0 ? 'France' : 'United States',
      kind: pick(ORGANIZATION_KINDS),
      sectors: sectors.join(';'),
      description: opts.bilingual ? `${text(8)}, ${text(6)}.` : `We work on ${phrase(12)}.`,
      offers: [text(4), text(5)].join(' | '),
      requests: [text(4)].join(' | '),
      language,
    };
  });
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
