import { minutesOfTime, timeOfMinutes, zonedTimeToUtc } from './time.ts';

/** A day of a B2B session: local opening hours and breaks (HH:MM) in the mission's timezone. */
export interface SessionDay {
  day: string;
  startsAt: string;
  endsAt: string;
  breaks: [string, string][];
}

export interface Slot {
  index: number;
  day: string;
  /** Local wall-clock time in the mission's timezone. */
  localStart: string;
  localEnd: string;
  startsAt: string;
  endsAt: string;
  isMorning: boolean;
}

/** Afternoon starts at noon, local time. */
const NOON = 12 * 60;

/**
 * The meeting slots of a session: each day cut into slots of `slotMinutes` from its opening, skipping
 * any slot that would overlap a break, in day order. Instants are UTC ISO strings.
 */
export function sessionSlots(days: readonly SessionDay[], slotMinutes: number, timeZone: string): Slot[] {
  const out: Slot[] = [];
  for (const d of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const end = minutesOfTime(d.endsAt);
    const breaks = d.breaks.map(([a, b]) => [minutesOfTime(a), minutesOfTime(b)] as const);
    let t = minutesOfTime(d.startsAt);
    while (t + slotMinutes <= end) {
      const overlap = breaks.find(([a, b]) => t < b && a < t + slotMinutes);
      if (overlap) {
        t = Math.max(t, overlap[1]);
        continue;
      }
      const localStart = timeOfMinutes(t);
      const localEnd = timeOfMinutes(t + slotMinutes);
      out.push({
        index: out.length,
        day: d.day,
        localStart,
        localEnd,
        startsAt: zonedTimeToUtc(d.day, localStart, timeZone).toISOString(),
        endsAt: zonedTimeToUtc(d.day, localEnd, timeZone).toISOString(),
        isMorning: t < NOON,
      });
      t += slotMinutes;
    }
  }
  return out;
}

export interface Interval {
  startsAt: string;
  endsAt: string;
}

/**
 * Whether a person can meet in a slot: present that day (no presence days means every day) and not
 * unavailable at any moment of it.
 */
export function isAvailable(
  slot: Slot,
  presenceDays: readonly string[],
  unavailable: readonly Interval[],
): boolean {
  if (presenceDays.length > 0 && !presenceDays.includes(slot.day)) return false;
  const a = Date.parse(slot.startsAt);
  const b = Date.parse(slot.endsAt);
  return !unavailable.some((u) => Date.parse(u.startsAt) < b && a < Date.parse(u.endsAt));
}
