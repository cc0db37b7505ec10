export const SIDES = ['delegation', 'host'] as const;
export type Side = (typeof SIDES)[number];

export const ROLES = ['organizer', 'participant', 'official'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ORGANIZATION_KINDS = [
  'company',
  'startup',
  'research',
  'hospital',
  'university',
  'public_agency',
  'investor',
  'association',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const OPPORTUNITY_KINDS = ['offer', 'request'] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const PROGRAMME_KINDS = ['workshop', 'plenary', 'site_visit', 'reception'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
