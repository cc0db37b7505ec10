import { normalizeKey } from '../domain/sectors.ts';

/** The normalized text the directory search matches: name, place, description, offers and requests. */
export function organizationSearchText(
  o: { name: string; city: string; country: string; description: string },
  opportunityTexts: string[],
): string {
  return normalizeKey([o.name, o.city, o.country, o.description, ...opportunityTexts].join(' '));
}

/** The normalized text the people search matches: names and title. */
export function personSearchText(p: { first_name: string; last_name: string; title: string }): string {
  return normalizeKey([p.first_name, p.last_name, p.title].join(' '));
}
