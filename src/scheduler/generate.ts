import { seededRandom } from '../domain/random.ts';
import type { Meeting, SchedulingProblem } from './problem.ts';

export interface GenerateOptions {
  participants: number;
  days: number;
  slotsPerDay: number;
  morningSlots: number;
  /** Meetings per participant are drawn between these bounds (inclusive). */
  minMeetings: number;
  maxMeetings: number;
  seed: number;
  fairness?: number;
  /**
   * Restrictions the hidden schedule meets, drawn apart from the problem itself: this share of the
   * meetings keeps to the session (morning or afternoon) of its hidden slot, and each participant is
   * unavailable in this share of the slots they do not use there.
   */
  restrictions?: { sessionShare: number; unavailableShare: number };
}

/**
 * A problem built around a hidden complete schedule, so that every meeting is known to fit: each
 * participant is present for a run of consecutive slots on one day, and in each slot the participants
 * present are paired at random. Tables are as many as the busiest slot needs. Returns the problem
 * (meetings shuffled) and the hidden slot and table of each meeting.
 */
export function generateProblem(o: GenerateOptions): {
  problem: SchedulingProblem;
  hiddenSlots: number[];
  hiddenTables: number[];
} {
  const random = seededRandom(o.seed);
  const slots = o.days * o.slotsPerDay;
  const present: number[][] = Array.from({ length: slots }, () => []);
  for (let p = 0; p < o.participants; p++) {
    const length = o.minMeetings + Math.floor(random() * (o.maxMeetings - o.minMeetings + 1));
    const day = Math.floor(random() * o.days);
    const start = Math.floor(random() * (o.slotsPerDay - length + 1));
    for (let k = 0; k < length; k++) present[day * o.slotsPerDay + start + k]!.push(p);
  }
  const met = new Set<string>();
  const meetings: { meeting: Meeting; slot: number }[] = [];
  present.forEach((list, s) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    for (let i = 0; i + 1 < list.length; i += 2) {
      const a = Math.min(list[i]!, list[i + 1]!);
      const b = Math.max(list[i]!, list[i + 1]!);
      if (met.has(`${a},${b}`)) continue;
      met.add(`${a},${b}`);
      meetings.push({ meeting: { participants: [a, b] }, slot: s });
    }
  });
  for (let i = meetings.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [meetings[i], meetings[j]] = [meetings[j]!, meetings[i]!];
  }
  // Tables numbered in each slot's order; as many as the busiest slot needs.
  const perSlot = new Int32Array(slots);
  const hiddenTables = meetings.map((m) => perSlot[m.slot]!++);
  const unavailable: number[][] = Array.from({ length: o.participants }, () => []);
  if (o.restrictions) {
    const { sessionShare, unavailableShare } = o.restrictions;
    const draw = seededRandom(o.seed + 1);
    for (const m of meetings) {
      if (draw() >= sessionShare) continue;
      const morning = m.slot % o.slotsPerDay < o.morningSlots;
      m.meeting.session = morning ? 'morning' : 'afternoon';
    }
    const used = new Set(meetings.flatMap((m) => m.meeting.participants.map((p) => p * slots + m.slot)));
    for (let p = 0; p < o.participants; p++)
      for (let s = 0; s < slots; s++)
        if (!used.has(p * slots + s) && draw() < unavailableShare) unavailable[p]!.push(s);
  }
  return {
    problem: {
      participants: o.participants,
      slots,
      dayLengths: Array(o.days).fill(o.slotsPerDay),
      morningSlots: o.morningSlots,
      tables: Math.max(1, ...perSlot),
      meetings: meetings.map((m) => m.meeting),
      unavailable,
      fairness: o.fairness ?? o.slotsPerDay,
    },
    hiddenSlots: meetings.map((m) => m.slot),
    hiddenTables,
  };
}
