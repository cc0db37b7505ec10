/** Territory profiles of the demo, from public figures, in the project's own words. */
export interface DemoTerritory {
  name: string;
  country: string;
  timezone: string;
  pitchFr: string;
  pitchEn: string;
  facts: { sector: string | null; value: string; fr: string; en: string }[];
}

export const AIX_MARSEILLE: DemoTerritory = {
  name: 'Aix-Marseille-Provence',
  country: 'France',
  timezone: 'Europe/Paris',
  pitchFr:
    'Deuxième pôle de recherche publique de France et porte numérique de l’Europe sur la Méditerranée : une métropole où la santé et le numérique se rencontrent.',
  pitchEn:
    'France’s second public research hub and Europe’s digital gateway on the Mediterranean: a metropolis where health and digital technology meet.',
  facts: [
    {
      sector: 'health',
      value: '41 000',
      fr: 'emplois dans la santé et les sciences de la vie',
      en: 'jobs in health and life sciences',
    },
    { sector: 'health', value: '113', fr: 'unités de recherche publique', en: 'public research units' },
    { sector: 'health', value: '6 000', fr: 'emplois de recherche publique', en: 'public research jobs' },
    {
      sector: 'education_research',
      value: '1 000+',
      fr: 'doctorants par an',
      en: 'doctoral students a year',
    },
    {
      sector: 'digital',
      value: '40 000',
      fr: 'salariés du numérique',
      en: 'employees in digital technology',
    },
    { sector: 'digital', value: '7 000', fr: 'entreprises du numérique', en: 'digital companies' },
    {
      sector: 'digital',
      value: '8 Md€',
      fr: 'de chiffre d’affaires du numérique',
      en: 'digital turnover (euros)',
    },
    {
      sector: 'digital',
      value: '13 / 263',
      fr: 'câbles sous-marins mondiaux qui atterrissent à Marseille',
      en: 'of the world’s subsea cables land in Marseille',
    },
    {
      sector: 'finance',
      value: '3 ans',
      fr: 'les États-Unis, premier investisseur étranger trois années de suite',
      en: 'the United States, first foreign investor three years running',
    },
  ],
};

export const MIAMI_DADE: DemoTerritory = {
  name: 'Miami-Dade',
  country: 'United States',
  timezone: 'America/New_York',
  pitchFr:
    'Porte des Amériques : aviation, finance, design, tourisme, santé, technologies, commerce et logistique sont les filières cibles de son conseil de développement économique.',
  pitchEn:
    'Gateway to the Americas: aviation, finance, design, hospitality, life sciences, technology, trade and logistics are the target industries of its economic development council.',
  facts: [
    { sector: 'aeronautics', value: '✈', fr: 'Aviation', en: 'Aviation' },
    { sector: 'finance', value: '$', fr: 'Banque et finance', en: 'Banking and finance' },
    { sector: 'creative_industries', value: '◆', fr: 'Design et création', en: 'Creative design' },
    { sector: 'tourism', value: '☀', fr: 'Hôtellerie et tourisme', en: 'Hospitality and tourism' },
    { sector: 'health', value: '✚', fr: 'Sciences de la vie et santé', en: 'Life sciences and healthcare' },
    { sector: 'digital', value: '⌘', fr: 'Technologies', en: 'Technology' },
    { sector: 'maritime_logistics', value: '⚓', fr: 'Commerce et logistique', en: 'Trade and logistics' },
  ],
};
