/** An ISO date (YYYY-MM-DD) as midnight UTC, to format with timeZone 'UTC' without any shift. */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** Formats an ISO date (YYYY-MM-DD) as a long date in the reader's language, without any timezone shift. */
export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcDate(iso));
}

/** A slot as the organizer lists it: its day (ISO date at the venue), short, and its venue time. */
export function formatSlot(slot: { day: string; localStart: string }, lang: string): string {
  const day = new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(utcDate(slot.day));
  return `${day} ${slot.localStart}`;
}

/** Formats an instant in the mission's timezone, as people at the venue read it. */
export function formatInstant(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

export const pick = (text: { fr: string; en: string }, lang: string): string =>
  (lang === 'fr' ? text.fr : text.en) || text.en || text.fr;

/** The wall-clock time of an instant in a timezone (HH:MM). */
export function formatTime(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', timeZone }).format(
    new Date(iso),
  );
}

/** The day of an instant in a timezone, as a heading. */
export function formatDay(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(
    new Date(iso),
  );
}

/** The reader's own timezone, as the browser knows it. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
