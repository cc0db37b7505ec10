import { dayOfSlots, type SchedulingProblem } from './problem.ts';

/**
 * The whole problem as an answer-set program for clasp (see SCHEDULER.md): the same model as the
 * boolean one in `exact.ts` (meeting in slot, busy, "meets later today", breaks, tables, fairness
 * levels, precedences and the implied constraints), grounded by clingo from the facts below, with
 * the total breaks to minimize.
 */
const ENCODING = `
1 { x(M,T) : allowed(M,T) } 1 :- meeting(M).
:- slot(T), cap(C), #count{ M : x(M,T), shared(M) } > C.
busy(P,T) :- x(M,T), part(M,P).
:- person(P), slot(T), #count{ M : x(M,T), part(M,P) } > 1.
:- nmeet(P,N), #count{ T : busy(P,T) } != N.
early(B,T) :- x(B,U), slot(T), U < T, pred(B).
:- x(M,T), after(M,B), not early(B,T).
later(P,T) :- busy(P,T).
later(P,T) :- later(P,T+1), next(T).
gap(P,T) :- busy(P,T), not busy(P,T+1), later(P,T+2), next(T), next(T+1).
:- busy(P,T), busy(P,U), nmeet(P,N), sameday(T,U), U >= T+N, #count{ V : gap(P,V), V >= T, V <= U-2 } = 0.
:- slot(T), most(K), #count{ P : busy(P,T) } > K.
lev(K) :- lev(K+1), K >= 1.
{ lev(K) } :- level(K).
:- lev(K), person(P), #count{ T : gap(P,T) } < K.
:- person(P), fair(D), level0(K), not lev(K+1), #count{ T : gap(P,T) } > K + D.
#minimize{ 1,P,T : gap(P,T) }.
#show x/2.
#show gap/2.
`;

/** The program for the fewest breaks over complete schedules. */
export function aspProgram(problem: SchedulingProblem, allowed: number[][]): string {
  return ENCODING + aspFacts(problem, allowed);
}

function aspFacts(problem: SchedulingProblem, allowed: number[][]): string {
  const out: string[] = [];
  const day = dayOfSlots(problem);
  const owners = new Set((problem.tableOwners ?? []).filter((o): o is number => o !== null));
  out.push(`cap(${problem.tables - owners.size}). fair(${problem.fairness}).`);
  for (let t = 0; t < problem.slots; t++) {
    out.push(`slot(${t}).`);
    if (t + 1 < problem.slots && day[t + 1] === day[t]) out.push(`next(${t}).`);
    for (let u = t + 1; u < problem.slots && day[u] === day[t]; u++) out.push(`sameday(${t},${u}).`);
  }
  const count = new Array<number>(problem.participants).fill(0);
  problem.meetings.forEach((m, i) => {
    out.push(`meeting(${i}).`);
    if (allowed[i]!.length > 0) out.push(`allowed(${i},(${allowed[i]!.join(';')})).`);
    for (const p of m.participants) {
      out.push(`part(${i},${p}).`);
      count[p]!++;
    }
    if (!m.participants.some((p) => owners.has(p))) out.push(`shared(${i}).`);
    for (const b of m.after ?? []) out.push(`after(${i},${b}). pred(${b}).`);
  });
  count.forEach((n, p) => {
    out.push(`person(${p}). nmeet(${p},${n}).`);
  });
  // With no hosts, a slot holds at most the participants of its `tables` largest meetings.
  if (owners.size === 0) {
    const sizes = problem.meetings.map((m) => m.participants.length).sort((a, b) => b - a);
    out.push(`most(${sizes.slice(0, problem.tables).reduce((a, b) => a + b, 0)}).`);
  }
  // Levels "min H ≥ k" up to the fewest breaks anyone can have.
  const levels = Math.min(...count.map((n) => Math.max(0, n - 1)));
  for (let k = 0; k <= levels; k++) out.push(`level0(${k}).${k > 0 ? ` level(${k}).` : ''}`);
  return out.join('\n');
}

/** Slots (-1 where absent) and breaks of a model's shown atoms. */
export function readModel(values: string[], meetings: number): { slots: Int32Array; breaks: number } {
  const slots = new Int32Array(meetings).fill(-1);
  let breaks = 0;
  for (const v of values) {
    const match = /^(x|gap)\((\d+),(\d+)\)$/.exec(v);
    if (!match) continue;
    if (match[1] === 'gap') breaks++;
    else slots[Number(match[2])] = Number(match[3]);
  }
  return { slots, breaks };
}
