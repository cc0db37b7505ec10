/** The bilingual sector catalogue that every mission selects from. */
export interface Sector {
  code: string;
  nameFr: string;
  nameEn: string;
}

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
  for (const name of [s.code, s.nameFr, s.nameEn]) byKey.set(normalizeKey(name), s.code);
}

/** Finds a sector by code or by its French or English name; undefined when none matches. */
export function resolveSector(text: string): string | undefined {
  return byKey.get(normalizeKey(text));
}
