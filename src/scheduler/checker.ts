import { dayOfSlots, type SchedulingProblem } from './problem.ts';

export interface CheckReport {
  violations: string[];
  breaks: number;
  breaksOf: number[];
  scheduled: number;
  scheduledWeight: number;
}

/**
 * Checks a schedule against every hard constraint and counts its breaks, written apart from the
 * solver so that tests judge the solver with code it does not share. slots[m] = -1: unscheduled.
 */
export function checkSchedule(problem: SchedulingProblem, slots: number[], tables: number[]): CheckReport {
  const violations: string[] = [];
  const day = dayOfSlots(problem);
  const seen = new Map<string, number>();
  const tableSeen = new Map<string, number>();
  const owners = problem.tableOwners ?? [];
  let scheduled = 0;
  let scheduledWeight = 0;
  const slotsOf: number[][] = Array.from({ length: problem.participants }, () => []);

  problem.meetings.forEach((m, i) => {
    const s = slots[i];
    const t = tables[i];
    if (s === undefined || s === -1) return;
    scheduled++;
    scheduledWeight += m.weight ?? 1;
    if (!Number.isInteger(s) || s < 0 || s >= problem.slots) {
      violations.push(`meeting ${i} is in slot ${s}, outside the day`);
      return;
    }
    if (t === undefined || !Number.isInteger(t) || t < 0 || t >= problem.tables) {
      violations.push(`meeting ${i} is at table ${t}, which does not exist`);
    } else {
      const key = `${s}:${t}`;
      if (tableSeen.has(key))
        violations.push(`table ${t} holds meetings ${tableSeen.get(key)} and ${i} in slot ${s}`);
      tableSeen.set(key, i);
      const owner = owners[t];
      if (owner !== undefined && owner !== null && !m.participants.includes(owner)) {
        violations.push(`meeting ${i} uses table ${t}, owned by participant ${owner} who is not in it`);
      }
    }
    const ownTable = owners.findIndex((o) => o !== null && m.participants.includes(o));
    if (ownTable >= 0 && t !== ownTable)
      violations.push(`meeting ${i} is not at its host's table ${ownTable}`);
    for (const p of m.participants) {
      const key = `${p}:${s}`;
      if (seen.has(key))
        violations.push(`participant ${p} is in meetings ${seen.get(key)} and ${i} in slot ${s}`);
      seen.set(key, i);
      if (problem.unavailable[p]?.includes(s))
        violations.push(`participant ${p} is unavailable in slot ${s} (meeting ${i})`);
      slotsOf[p]!.push(s);
    }
    if (m.fixedSlot !== undefined && m.fixedSlot !== s)
      violations.push(`meeting ${i} is fixed to slot ${m.fixedSlot}, not ${s}`);
    const firstOfDay = day.indexOf(day[s]!);
    const morning = s - firstOfDay < problem.morningSlots;
    if (m.session === 'morning' && !morning) violations.push(`meeting ${i} must be in the morning`);
    if (m.session === 'afternoon' && morning) violations.push(`meeting ${i} must be in the afternoon`);
    for (const b of m.after ?? []) {
      const sb = slots[b];
      if (sb === undefined || sb === -1)
        violations.push(`meeting ${i} must follow meeting ${b}, which is not scheduled`);
      else if (sb >= s) violations.push(`meeting ${i} (slot ${s}) must come after meeting ${b} (slot ${sb})`);
    }
  });

  const breaksOf = slotsOf.map((list) => {
    const sorted = [...list].sort((a, b) => a - b);
    let h = 0;
    for (let k = 1; k < sorted.length; k++) {
      if (day[sorted[k]!] === day[sorted[k - 1]!] && sorted[k]! - sorted[k - 1]! > 1) h++;
    }
    return h;
  });
  const maxH = Math.max(0, ...breaksOf);
  const minH = Math.min(...breaksOf, maxH);
  if (maxH - minH > problem.fairness) {
    violations.push(`fairness: breaks range from ${minH} to ${maxH}, more than ${problem.fairness} apart`);
  }
  return { violations, breaks: breaksOf.reduce((a, b) => a + b, 0), breaksOf, scheduled, scheduledWeight };
}
