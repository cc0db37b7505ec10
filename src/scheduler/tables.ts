import type { SchedulingProblem } from './problem.ts';

/**
 * Gives each scheduled meeting a table: a host's meetings at the host's own table, the others at a free
 * table, preferring the table its participants sat at last so that they change tables as little as
 * possible. Returns the tables (-1 when unscheduled) and the number of table changes.
 */
export function assignTables(problem: SchedulingProblem, slots: ArrayLike<number>, previous?: number[]) {
  const owners = problem.tableOwners ?? [];
  const ownerTable = new Map<number, number>();
  owners.forEach((o, t) => {
    if (o !== null && o !== undefined) ownerTable.set(o, t);
  });
  const freeTables = [...Array(problem.tables).keys()].filter(
    (t) => owners[t] === null || owners[t] === undefined,
  );
  const isFreeTable = new Uint8Array(problem.tables);
  for (const t of freeTables) isFreeTable[t] = 1;
  const bySlot: number[][] = Array.from({ length: problem.slots }, () => []);
  problem.meetings.forEach((_, m) => {
    const s = slots[m]!;
    if (s >= 0) bySlot[s]!.push(m);
  });
  const tables = new Array<number>(problem.meetings.length).fill(-1);
  const lastTable = new Int32Array(problem.participants).fill(-1);
  let changes = 0;
  for (const meetings of bySlot) {
    const taken = new Set<number>();
    const free: number[] = [];
    for (const m of meetings) {
      const host = problem.meetings[m]!.participants.find((p) => ownerTable.has(p));
      if (host !== undefined) {
        tables[m] = ownerTable.get(host)!;
        taken.add(tables[m]!);
      } else free.push(m);
    }
    // Meetings with a table from an earlier schedule choose first; then those whose participants' last
    // table is free; then the rest wherever there is room.
    free.sort((a, b) => ((previous?.[b] ?? -1) >= 0 ? 1 : 0) - ((previous?.[a] ?? -1) >= 0 ? 1 : 0));
    const rest: number[] = [];
    for (const m of free) {
      const wishes = [previous?.[m] ?? -1, ...problem.meetings[m]!.participants.map((p) => lastTable[p]!)];
      const wish = wishes.find((t) => t >= 0 && t < problem.tables && !taken.has(t) && isFreeTable[t] === 1);
      if (wish === undefined) rest.push(m);
      else {
        tables[m] = wish;
        taken.add(wish);
      }
    }
    let next = 0;
    for (const m of rest) {
      while (next < freeTables.length && taken.has(freeTables[next]!)) next++;
      if (next >= freeTables.length) continue;
      tables[m] = freeTables[next]!;
      taken.add(tables[m]!);
    }
    for (const m of meetings) {
      for (const p of problem.meetings[m]!.participants) {
        if (ownerTable.has(p)) continue;
        if (lastTable[p]! >= 0 && lastTable[p] !== tables[m]) changes++;
        lastTable[p] = tables[m]!;
      }
    }
  }
  return { tables, changes };
}
