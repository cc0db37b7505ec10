import { normalizeKey } from '../../domain/sectors.ts';

/** The spreadsheet columns of a mission's participants, in the order export writes them. */
export const ROSTER_COLUMNS = [
  'side',
  'organization',
  'kind',
  'country',
  'city',
  'website',
  'sectors',
  'description',
  'offers',
  'requests',
  'first_name',
  'last_name',
  'email',
  'title',
  'language',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly RosterColumn[] = [
  'side',
  'organization',
  'kind',
  'country',
  'first_name',
  'last_name',
  'email',
  'language',
];

const FRENCH: Record<RosterColumn, string> = {
  side: 'côté',
  organization: 'organisation',
  kind: 'type',
  country: 'pays',
  city: 'ville',
  website: 'site',
  sectors: 'filières',
  description: 'description',
  offers: 'offres',
  requests: 'demandes',
  first_name: 'prénom',
  last_name: 'nom',
  email: 'email',
  title: 'fonction',
  language: 'langue',
};

const byHeader = new Map<string, RosterColumn>();
for (const c of ROSTER_COLUMNS) {
  byHeader.set(normalizeKey(c), c);
  byHeader.set(normalizeKey(FRENCH[c]), c);
}
byHeader.set('e mail', 'email');
byHeader.set('courriel', 'email');

/** Maps a header cell, English or French, any case or accents, to its column; undefined when unknown. */
export const columnOfHeader = (header: string): RosterColumn | undefined =>
  byHeader.get(normalizeKey(header));

/** Separates the items of an offers or requests cell. */
export const ITEM_SEPARATOR = ' | ';
export const splitItems = (cell: string): string[] =>
  cell
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
export const splitSectors = (cell: string): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

const SIDE_WORDS: Record<string, 'delegation' | 'host'> = {
  delegation: 'delegation',
  host: 'host',
  hote: 'host',
  accueil: 'host',
};
export const resolveSide = (cell: string) => SIDE_WORDS[normalizeKey(cell)];

const KIND_WORDS: Record<string, string> = {
  company: 'company',
  entreprise: 'company',
  startup: 'startup',
  'start up': 'startup',
  research: 'research',
  recherche: 'research',
  laboratoire: 'research',
  hospital: 'hospital',
  hopital: 'hospital',
  university: 'university',
  universite: 'university',
  'public agency': 'public_agency',
  'agence publique': 'public_agency',
  'organisme public': 'public_agency',
  investor: 'investor',
  investisseur: 'investor',
  association: 'association',
};
export const resolveKind = (cell: string): string | undefined => KIND_WORDS[normalizeKey(cell)];
