import clingo from 'clingo-wasm';
import { aspProgram, readModel } from './asp.ts';
import { Channel } from './exact.ts';
import type { SchedulingProblem } from './problem.ts';

/** clasp (in clingo-wasm) copies the program onto its 1 MiB stack: longer ones go to `exact.ts`. */
const CLASP_MAX_PROGRAM = 800_000;

/**
 * The exact search with clasp, on the channel of `exact.ts`: one core-guided optimization (clasp's
 * `usc`: the bound rises each time a set of breaks is proven unavoidable, with everything learnt
 * kept) in one of clasp's configurations (`auto`, its own choice, or one of its presets such as
 * `crafty`), each schedule better than the channel's posted as it comes, its optimum or its proof of
 * infeasibility as the verdict. A running search is aborted when the annealing stops or the deadline
 * passes. Returns whether it reached a verdict; 'too-long', having done nothing, when the program is
 * too long for clasp.
 */
export async function proveWithClasp(
  problem: SchedulingProblem,
  allowed: number[][],
  lowerBound: number,
  channel: Int32Array,
  deadline: number,
  configuration = 'auto',
): Promise<'verdict' | 'gave-up' | 'too-long'> {
  const program = aspProgram(problem, allowed);
  if (program.length > CLASP_MAX_PROGRAM) return 'too-long';
  const M = problem.meetings.length;
  const stopped = () => Atomics.load(channel, Channel.STOP) === 1 || performance.now() > deadline;
  const watch = setInterval(() => {
    if (stopped()) void clingo.restart();
  }, 20);
  let best = Number.POSITIVE_INFINITY;
  const finish = (verdict: number, bound: number) => {
    Atomics.store(channel, Channel.BOUND, bound);
    Atomics.store(channel, Channel.VERDICT, verdict);
    Atomics.notify(channel, Channel.VERDICT);
  };
  try {
    if (stopped()) return 'gave-up';
    const options = ['--opt-strategy=usc', `--configuration=${configuration}`];
    const result = await clingo.run(program, 0, options, (witness) => {
      const { slots, breaks } = readModel(witness.Value ?? [], M);
      if (breaks >= best || slots.includes(-1)) return;
      best = breaks;
      const posted = Atomics.load(channel, Channel.FOUND_BREAKS);
      if (posted >= 0 && posted <= breaks) return;
      channel.set(slots, Channel.HEADER);
      Atomics.store(channel, Channel.FOUND_BREAKS, breaks);
    });
    if (result.Result === 'OPTIMUM FOUND' && best < Number.POSITIVE_INFINITY) finish(1, best);
    else if (result.Result === 'UNSATISFIABLE') finish(2, lowerBound);
    else return 'gave-up';
    return 'verdict';
  } finally {
    clearInterval(watch);
    await clingo.restart();
  }
}
