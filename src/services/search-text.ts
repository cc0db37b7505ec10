import { normalizeKey } from '../domain/sectors.ts';

/** The normalized text the directory search matches: name, place, description, offers and requests. */
export function organizationSearchText(
  o: { name: string; city: string; country: string; description: string },
  opportunityTexts: string[],
): string {
  return normalizeKey([o.name, o.city, o.country, o.description, ...opportunityTexts].join(' '));
}
