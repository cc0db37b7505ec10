// npm run bench:sat -- FILE K [--orders 1-16] [--cap 150000] [--calls one|growing]
// Our SAT solver alone on one benchmark file's model (as the exact search's threads build it), asked
// for a schedule with at most K breaks, once per branching order (SatSolver.shuffleOrder): the
// conflicts each order needs, two orders at a time, then the median and how many answered within
// a few budgets. Conflicts, unlike seconds, do not depend on what else the machine is doing, so they
// compare two versions of the solver or the model even on a busy machine (EXPERIMENTS.md).
// `--calls growing` asks in calls of growing budgets, as the exact search does; `one` in one call.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { tightenByPrecedence } from '../src/scheduler/domains.ts';
import { parseDzn } from '../src/scheduler/dzn.ts';
import { buildModel, turnBudget } from '../src/scheduler/exact.ts';
import { breaksLowerBound } from '../src/scheduler/lower-bound.ts';
import { allowedSlots } from '../src/scheduler/problem.ts';

interface Run {
  order: number;
  answer: string;
  conflicts: number;
  seconds: number;
}

const USAGE = 'usage: npm run bench:sat -- FILE K [--orders A-B] [--cap CONFLICTS] [--calls one|growing]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const [file, k, ...rest] = argv;
  if (file === undefined || k === undefined) fail('FILE and K are required');
  if (!existsSync(file)) fail(`FILE: ${file} does not exist`);
  if (!/^\d+$/.test(k)) fail(`K: expected a number of breaks, got ${k}`);
  const options = { orders: '1-16', cap: '150000', calls: 'growing', one: '' };
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]!.replace(/^--/, '');
    const value = rest[i + 1];
    if (!(name in options) || value === undefined) fail(`${rest[i]}: unknown option or missing value`);
    options[name as keyof typeof options] = value;
  }
  const range = /^(\d+)-(\d+)$/.exec(options.orders);
  if (!range || Number(range[1]) > Number(range[2]))
    fail(`--orders: expected A-B with A ≤ B, got ${options.orders}`);
  if (!/^\d+$/.test(options.cap)) fail(`--cap: expected a number of conflicts, got ${options.cap}`);
  if (options.calls !== 'one' && options.calls !== 'growing')
    fail(`--calls: expected one or growing, got ${options.calls}`);
  return {
    file,
    k: Number(k),
    from: Number(range[1]),
    to: Number(range[2]),
    cap: Number(options.cap),
    growing: options.calls === 'growing',
    one: options.one === '' ? undefined : Number(options.one),
  };
}

/** The file's model as the exact search's threads build it, and the assumption "at most k breaks". */
function load(file: string, k: number) {
  let problem: ReturnType<typeof parseDzn>;
  try {
    problem = parseDzn(readFileSync(file, 'utf8'), 2);
  } catch (error) {
    fail(`FILE: ${(error as Error).message}`);
  }
  const allowed = tightenByPrecedence(
    problem,
    problem.meetings.map((m) => allowedSlots(problem, m)),
  );
  const model = buildModel(problem, allowed, breaksLowerBound(problem, allowed), 'counter');
  const assumption = model.atMost(k);
  if (assumption === undefined) fail(`K: ${k} is beyond the model's counter of the breaks`);
  return { solver: model.solver, assumption };
}

/** One order, in this process: the answer and the conflicts it took. */
function runOrder(file: string, k: number, order: number, cap: number, growing: boolean): Run {
  const { solver, assumption } = load(file, k);
  solver.shuffleOrder(order);
  const started = performance.now();
  let answer = 'unknown';
  for (let turn = 0; answer === 'unknown' && solver.conflicts <= cap; turn++) {
    const limit = growing ? solver.conflicts + turnBudget(turn) : cap;
    answer = solver.solve([assumption], () => solver.conflicts > cap || solver.conflicts > limit);
  }
  return { order, answer, conflicts: solver.conflicts, seconds: (performance.now() - started) / 1000 };
}

/** Runs every order in a child process of its own, two at a time (the machine's two cores). */
async function runAll(args: ReturnType<typeof parseArgs>): Promise<Run[]> {
  const orders = Array.from({ length: args.to - args.from + 1 }, (_, i) => args.from + i);
  const runs: Run[] = [];
  const next = async (): Promise<void> => {
    const order = orders.shift();
    if (order === undefined) return;
    const child = spawn(
      process.execPath,
      [...process.execArgv, import.meta.filename, ...process.argv.slice(2), '--one', String(order)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    if (code !== 0) process.exit(code ?? 1);
    const run = JSON.parse(out) as Run;
    runs.push(run);
    console.log(
      `order ${String(run.order).padStart(3)}  ${run.answer.padEnd(7)}  ${String(run.conflicts).padStart(8)} conflicts  ${run.seconds.toFixed(1).padStart(6)} s`,
    );
    return next();
  };
  await Promise.all([next(), next()]);
  return runs;
}

const args = parseArgs(process.argv.slice(2));
if (args.one !== undefined) {
  process.stdout.write(JSON.stringify(runOrder(args.file, args.k, args.one, args.cap, args.growing)));
} else {
  load(args.file, args.k); // a mistake in FILE or K is told once, before any order runs
  console.log(
    `${args.file.split('/').pop()}: at most ${args.k} breaks, orders ${args.from}-${args.to}, ${args.growing ? 'calls of growing budgets' : 'one call'}, at most ${args.cap} conflicts each`,
  );
  const runs = await runAll(args);
  // An order that did not answer counts as more than the cap.
  const needed = runs
    .map((r) => (r.answer === 'unknown' ? Number.POSITIVE_INFINITY : r.conflicts))
    .sort((a, b) => a - b);
  const mid = needed.length >> 1;
  const median = needed.length % 2 === 1 ? needed[mid]! : (needed[mid - 1]! + needed[mid]!) / 2;
  const within = (c: number) => `${needed.filter((n) => n <= c).length} of ${needed.length} within ${c}`;
  const answers = [...new Set(runs.map((r) => r.answer))].map(
    (a) => `${runs.filter((r) => r.answer === a).length} ${a}`,
  );
  console.log(
    `summary: ${answers.join(', ')}; median ${Number.isFinite(median) ? Math.round(median) : `above ${args.cap}`} conflicts; ${[args.cap / 5, (args.cap * 2) / 5, (args.cap * 2) / 3, args.cap].map((c) => within(Math.round(c))).join(', ')}`,
  );
}
