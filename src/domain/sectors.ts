/** The bilingual sector catalogue that every mission selects from. */
export interface Sector {
  code: string;
  nameFr: string;
  nameEn: string;
}

/** Short names that spreadsheets use for a sector, in French and English. */
export const SECTOR_ALIASES: Readonly<Record<string, readonly string[]>> = {
  health: ['santé', 'sciences de la vie', 'health', 'healthcare', 'life sciences', 'medtech', 'biotech'],
  digital: ['numérique', 'digital', 'tech', 'technology', 'technologies', 'IT', 'informatique'],
  aeronautics: ['aéronautique', 'aviation', 'aerospace', 'aéronautique et spatial', 'spatial', 'space'],
  maritime_logistics: ['maritime', 'logistique', 'logistics', 'trade and logistics', 'portuaire', 'shipping'],
  energy_environment: [
    'énergie',
    'environnement',
    'energy',
    'environment',
    'cleantech',
    'transition énergétique',
  ],
  tourism: ['tourisme', 'tourism', 'hospitality', 'hôtellerie', 'hospitality and tourism'],
  creative_industries: [
    'industries culturelles et créatives',
    'culture',
    'design',
    'creative design',
    'mode',
    'fashion',
  ],
  agrifood: ['agroalimentaire', 'agriculture', 'food', 'alimentation', 'agritech', 'food and beverage'],
  finance: ['finance', 'banque', 'banking', 'fintech', 'banking and finance'],
  construction: [
    'bâtiment',
    'BTP',
    'urbanisme',
    'construction',
    'real estate',
    'immobilier',
    'urban development',
  ],
  education_research: [
    'recherche',
    'enseignement supérieur',
    'research',
    'education',
    'higher education',
    'université',
  ],
  cosmetics: ['cosmétique', 'cosmétiques', 'beauté', 'parfumerie', 'beauty', 'fragrance', 'cosmetics'],
};

export const SECTORS: readonly Sector[] = [
  { code: 'health', nameFr: 'Santé et sciences de la vie', nameEn: 'Health and life sciences' },
  { code: 'digital', nameFr: 'Numérique', nameEn: 'Digital technology' },
  { code: 'aeronautics', nameFr: 'Aéronautique et spatial', nameEn: 'Aeronautics and space' },
  { code: 'maritime_logistics', nameFr: 'Maritime et logistique', nameEn: 'Maritime and logistics' },
  { code: 'energy_environment', nameFr: 'Énergie et environnement', nameEn: 'Energy and environment' },
  { code: 'tourism', nameFr: 'Tourisme', nameEn: 'Tourism and hospitality' },
  { code: 'creative_industries', nameFr: 'Industries créatives', nameEn: 'Creative industries' },
  { code: 'agrifood', nameFr: 'Agroalimentaire', nameEn: 'Agrifood' },
  { code: 'finance', nameFr: 'Banque et finance', nameEn: 'Banking and finance' },
  { code: 'construction', nameFr: 'Bâtiment et aménagement', nameEn: 'Construction and urban development' },
  { code: 'education_research', nameFr: 'Enseignement et recherche', nameEn: 'Education and research' },
  { code: 'cosmetics', nameFr: 'Cosmétique et parfumerie', nameEn: 'Cosmetics and fragrance' },
];

export const SECTOR_CODES = SECTORS.map((s) => s.code);

/** Lower-case, accents removed, spaces collapsed: the key used to compare names. */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byKey = new Map<string, string>();
for (const s of SECTORS) {
  for (const name of [s.code, s.nameFr, s.nameEn, ...(SECTOR_ALIASES[s.code] ?? [])])
    byKey.set(normalizeKey(name), s.code);
}

/** Finds a sector by code, by its French or English name, or a common short name; undefined when none matches. */
export function resolveSector(text: string): string | undefined {
  return byKey.get(normalizeKey(text));
}
