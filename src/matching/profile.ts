import type { Language, Side } from '../domain/enums.ts';

export interface MatchText {
  text: string;
  language: Language;
}

/** What the engine knows of an organization in a mission. */
export interface MatchProfile {
  id: string;
  name: string;
  side: Side;
  sectors: readonly string[];
  country: string;
  /** Countries the organization wants to work with (ISO codes). */
  targetCountries: readonly string[];
  description: MatchText;
  offers: readonly MatchText[];
  requests: readonly MatchText[];
}

/** How much each signal counts; organizers set them per mission. */
export interface MatchWeights {
  sectors: number;
  offerRequest: number;
  text: number;
  countries: number;
}

export const DEFAULT_WEIGHTS: MatchWeights = { sectors: 1, offerRequest: 3, text: 1.5, countries: 0.5 };

export type { Reason, Recommendation } from '../domain/views.ts';
