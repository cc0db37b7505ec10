/**
 * Where a participant without a break must be, and must not be. Without a break, a participant whose
 * meetings all fall on one day is busy in one run of as many slots as meetings, a run that can hold
 * them (one meeting to a slot, each in a slot it allows). A slot inside every such run is then busy,
 * and a slot outside all of them idle. Our solver's model takes this as an implied constraint ("busy
 * here, or a break"): the tables then see who must sit in the busiest slots (SCHEDULER.md).
 * `day` gives each slot's day (`dayOfSlots`). Undefined for a participant with fewer than two meetings
 * or meetings on several days.
 */
export function runBounds(
  day: ArrayLike<number>,
  allowed: number[][],
  own: number[],
): { busy: number[]; idle: number[] } | undefined {
  const S = day.length;
  const n = own.length;
  if (n < 2) return undefined;
  const usable = new Set(own.flatMap((m) => allowed[m]!));
  if (new Set([...usable].map((t) => day[t])).size !== 1) return undefined;
  const runs: number[] = [];
  for (let s = 0; s + n <= S; s++) if (day[s] === day[s + n - 1] && holds(allowed, own, s, n)) runs.push(s);
  const busy: number[] = [];
  const idle: number[] = [];
  for (const t of [...usable].sort((a, b) => a - b)) {
    const inside = runs.filter((s) => s <= t && t < s + n).length;
    if (runs.length > 0 && inside === runs.length) busy.push(t);
    else if (inside === 0) idle.push(t);
  }
  return { busy, idle };
}

/** Whether the meetings fit one to a slot in slots from … from + n − 1 (a bipartite matching). */
function holds(allowed: number[][], own: number[], from: number, n: number): boolean {
  const owner = new Map<number, number>();
  const place = (m: number, seen: Set<number>): boolean => {
    for (const t of allowed[m]!) {
      if (t < from || t >= from + n || seen.has(t)) continue;
      seen.add(t);
      const other = owner.get(t);
      if (other === undefined || place(other, seen)) {
        owner.set(t, m);
        return true;
      }
    }
    return false;
  };
  return own.every((m) => place(m, new Set()));
}
