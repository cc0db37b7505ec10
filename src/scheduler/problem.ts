/** A meeting-scheduling problem: who meets whom, in which slots and at how many tables. All ids are 0-based. */
export interface SchedulingProblem {
  participants: number;
  /** Slots are consecutive within a day; `dayLengths` splits them into days (one day by default). */
  slots: number;
  dayLengths?: number[];
  /** Slots before this index (within each day) are morning, the rest afternoon. */
  morningSlots: number;
  tables: number;
  /** Per table, the participant who owns it (a host receiving visitors), or null. */
  tableOwners?: (number | null)[];
  meetings: Meeting[];
  /** Per participant, the slots they cannot attend. */
  unavailable: number[][];
  /** max H − min H over all participants must not exceed this (H counts gaps between consecutive meetings). */
  fairness: number;
}

export interface Meeting {
  participants: number[];
  /** Must-meet meetings weigh more than normal ones (default 1). */
  weight?: number;
  session?: 'morning' | 'afternoon' | 'any';
  fixedSlot?: number;
  /** Meetings (by index) that must be held strictly before this one. */
  after?: number[];
}

export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface Unscheduled {
  meeting: number;
  reason: string;
}

export interface SolveResult {
  status: SolveStatus;
  /** Total breaks of the schedule, null when not every meeting is placed. */
  objective: number | null;
  lowerBound: number;
  /** Per meeting, its slot and table (0-based), or -1 when unscheduled. */
  slots: number[];
  tables: number[];
  unscheduled: Unscheduled[];
  /** The proof behind an `infeasible` status. */
  infeasibleBecause?: string;
  scheduledWeight: number;
  tableChanges: number;
  seconds: number;
}

/** The first slot of each day and the day of each slot. */
export function dayOfSlots(problem: Pick<SchedulingProblem, 'slots' | 'dayLengths'>): number[] {
  const lengths = problem.dayLengths ?? [problem.slots];
  const out: number[] = [];
  lengths.forEach((len, day) => {
    for (let i = 0; i < len; i++) out.push(day);
  });
  return out;
}

/** The slots a meeting may take, from its session, its fixed slot and its participants' availability. */
export function allowedSlots(problem: SchedulingProblem, m: Meeting): number[] {
  const day = dayOfSlots(problem);
  const dayStart: number[] = [];
  day.forEach((d, s) => {
    if (dayStart[d] === undefined) dayStart[d] = s;
  });
  const out: number[] = [];
  for (let s = 0; s < problem.slots; s++) {
    if (m.fixedSlot !== undefined && m.fixedSlot !== s) continue;
    const inDay = s - dayStart[day[s]!]!;
    const isMorning = inDay < problem.morningSlots;
    if (m.session === 'morning' && !isMorning) continue;
    if (m.session === 'afternoon' && isMorning) continue;
    if (m.participants.some((p) => problem.unavailable[p]?.includes(s))) continue;
    out.push(s);
  }
  return out;
}

/** Meeting-in-slot variables of the exact models: one per meeting and allowed slot. */
export const modelSize = (allowed: number[][]) => allowed.reduce((n, slots) => n + slots.length, 0);
