// npm run bench:scheduler — every file of the published benchmark with d = 2 beside the paper's results
// (BENCH_FAIRNESS=0,1,3 or =all: the originals the paper also ran with those bounds, 200 cases in all),
// then generated instances of 1,000, 5,000 and 16,000 participants (the last also with sessions and
// unavailability), and a re-scheduling run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSchedule } from '../src/scheduler/checker.ts';
import { parseDzn } from '../src/scheduler/dzn.ts';
import { generateProblem } from '../src/scheduler/generate.ts';
import type { SchedulingProblem, SolveResult } from '../src/scheduler/problem.ts';
import { solve } from '../src/scheduler/solve.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '../shared/b2bsp');
const TIME_LIMIT = Number(process.env.BENCH_TIME_LIMIT ?? 60);
const FILTER = process.env.BENCH_FILTER ?? '';
/** BENCH_CLI=1: each file through `escale solve` in its own process, timed from outside (process start included). */
const THROUGH_CLI = process.env.BENCH_CLI === '1';
/** The fairness bounds d to run: the paper ran every file with d = 2 and the originals with 0, 1 and 3 too. */
const FAIRNESS = (process.env.BENCH_FAIRNESS === 'all' ? '2,0,1,3' : (process.env.BENCH_FAIRNESS ?? '2'))
  .split(',')
  .map(Number);
if (FAIRNESS.some((d) => ![0, 1, 2, 3].includes(d))) {
  console.error('BENCH_FAIRNESS: expected some of 0, 1, 2, 3 (comma-separated) or all');
  process.exit(2);
}

/** One file's run, in this process or through the CLI; `wall` is the seconds the caller waited. */
function run(file: string, problem: SchedulingProblem, fairness: number) {
  const started = performance.now();
  if (!THROUGH_CLI) return { ...solve(problem, { timeLimitSeconds: TIME_LIMIT, seed: 1 }), wall: 0 };
  const child = spawnSync(
    process.execPath,
    [
      'bin/escale.js',
      'solve',
      file,
      '--fairness',
      String(fairness),
      '--time-limit',
      String(TIME_LIMIT),
      '--seed',
      '1',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`escale solve ${file}: ${child.stderr.trim()}`);
  const out = JSON.parse(child.stdout) as {
    status: SolveResult['status'];
    objective: number | null;
    lowerBound: number;
    slots: (number | null)[];
    tables: (number | null)[];
    seconds: number;
  };
  // The CLI's slots and tables are 1-based, null where a meeting is left out.
  const zeroBased = (xs: (number | null)[]) => xs.map((x) => (x === null ? -1 : x - 1));
  return { ...out, slots: zeroBased(out.slots), tables: zeroBased(out.tables), wall };
}

/** Restricted: 30 % of the meetings keep to one session, 30 % of each participant's unused slots are unavailable. */
function scaleCase(participants: number, restricted = false) {
  return generateProblem({
    participants,
    days: 3,
    slotsPerDay: 16,
    morningSlots: 8,
    minMeetings: 2,
    maxMeetings: 11,
    seed: participants,
    ...(restricted && { restrictions: { sessionShare: 0.3, unavailableShare: 0.3 } }),
  });
}

/**
 * This process's peak resident memory in KiB. Linux keeps a forked child's maxRSS from its parent
 * across exec (after the 140 files in process, every case showed the parent's 498 MiB), so the
 * kernel's VmHWM of the process's own memory comes first.
 */
function peakMemoryKiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS;
}

// A child process per scale case, so that its peak memory is its own.
if (process.argv[2] === '--scale') {
  const participants = Number(process.argv[3]);
  const restricted = process.argv[4] === 'restricted';
  const { problem, hiddenSlots, hiddenTables } = scaleCase(participants, restricted);
  const r = solve(problem, { timeLimitSeconds: 60, seed: 1 });
  const check = checkSchedule(problem, r.slots, r.tables);
  // The generator's own schedule, for reference.
  const hidden = checkSchedule(problem, hiddenSlots, hiddenTables);
  console.log(
    JSON.stringify({
      participants: `${participants}${restricted ? '*' : ''}`,
      meetings: problem.meetings.length,
      tables: problem.tables,
      scheduled: check.scheduled,
      violations: check.violations.length,
      breaks: check.breaks,
      hiddenBreaks: hidden.violations.length === 0 ? hidden.breaks : null,
      lowerBound: r.lowerBound,
      status: r.status,
      seconds: r.seconds,
      peakMiB: peakMemoryKiB() / 1024,
    }),
  );
  process.exit(0);
}

interface PaperRow {
  status: string;
  objective: string;
  maxsatSeconds: string;
}

/** The paper's result per file and fairness bound, keyed `file d`. */
function readPaper(): Map<string, PaperRow> {
  const lines = readFileSync(join(DATA, 'paper-best-known.csv'), 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string) => header.indexOf(name);
  const out = new Map<string, PaperRow>();
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    out.set(`${c[col('file')]} ${c[col('fairness_d')]}`, {
      status: c[col('status')]!,
      objective: c[col('best_objective')] ?? '',
      maxsatSeconds: c[col('maxsat_time_s')] ?? '',
    });
  }
  return out;
}

function benchmarkFiles() {
  if (!existsSync(DATA)) {
    console.log(`The benchmark is not at ${DATA}; skipping the published instances.`);
    return;
  }
  const paper = readPaper();
  const files = readdirSync(join(DATA, 'instances'))
    .filter((f) => f.endsWith('.dzn') && f.includes(FILTER))
    .sort();
  const cases = FAIRNESS.flatMap((d) => files.filter((f) => paper.has(`${f} ${d}`)).map((f) => ({ f, d })));
  console.log(
    `Published benchmark, d = ${FAIRNESS.join(', ')}, time limit ${TIME_LIMIT} s per file${THROUGH_CLI ? ', each through `escale solve` in its own process' : ''}`,
  );
  console.log(
    `${'file'.padEnd(34)} ${'d'} ${'ours'.padEnd(10)} ${'obj'.padStart(5)} ${'lb'.padStart(4)} ${'s'.padStart(6)}   ${'paper'.padEnd(8)} ${'obj'.padStart(5)} ${'maxsat s'.padStart(8)}  verdict`,
  );
  const tally = {
    closed: 0,
    optimalMatch: 0,
    infeasibleMatch: 0,
    contradictions: 0,
    originalsClosed: 0,
    originalSeconds: 0,
    originalWall: 0,
    worst: 0,
  };
  const gaps: number[] = [];
  for (const { f, d } of cases) {
    const problem = parseDzn(readFileSync(join(DATA, 'instances', f), 'utf8'), d);
    const r = run(join(DATA, 'instances', f), problem, d);
    const check = checkSchedule(problem, r.slots, r.tables);
    const p = paper.get(`${f} ${d}`);
    const paperObjective = p?.objective === '' ? undefined : Number(p?.objective);
    let verdict = '';
    if (check.violations.length > 0) verdict = `INVALID: ${check.violations[0]}`;
    else if (p?.status === 'unsat' && r.objective !== null)
      verdict = 'CONTRADICTION: schedule where the paper proved none';
    else if (p?.status === 'optimal' && r.status === 'infeasible')
      verdict = 'CONTRADICTION: infeasible where the paper found a schedule';
    else if (
      p?.status === 'optimal' &&
      r.objective !== null &&
      paperObjective !== undefined &&
      r.objective < paperObjective
    ) {
      verdict = 'CONTRADICTION: below the proven optimum';
    } else if (r.status === 'optimal' && r.objective === paperObjective)
      verdict = 'proven optimal, as the paper';
    else if (r.status === 'infeasible' && p?.status === 'unsat') verdict = 'proven infeasible, as the paper';
    else if (r.objective !== null && paperObjective !== undefined) {
      verdict = `open: ${r.objective - paperObjective} above the optimum`;
      gaps.push(r.objective - paperObjective);
    } else verdict = 'open';
    if (verdict.startsWith('CONTRADICTION') || verdict.startsWith('INVALID')) tally.contradictions++;
    if (r.status === 'optimal' || r.status === 'infeasible') tally.closed++;
    if (verdict.startsWith('proven optimal')) tally.optimalMatch++;
    if (verdict.startsWith('proven infeasible')) tally.infeasibleMatch++;
    if (f.includes('.original.')) {
      tally.originalSeconds += r.seconds;
      tally.originalWall += r.wall;
      if (r.status === 'optimal' || r.status === 'infeasible') tally.originalsClosed++;
    }
    tally.worst = Math.max(tally.worst, r.seconds);
    console.log(
      `${f.padEnd(34)} ${d} ${r.status.padEnd(10)} ${String(r.objective ?? '-').padStart(5)} ${String(r.lowerBound).padStart(4)} ${r.seconds.toFixed(1).padStart(6)}   ${(p?.status ?? '?').padEnd(8)} ${(p?.objective || '-').padStart(5)} ${(p?.maxsatSeconds || '-').padStart(8)}  ${verdict}`,
    );
  }
  const originals = cases.filter(({ f }) => f.includes('.original.')).length;
  const medianGap = gaps.length > 0 ? [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] : 0;
  console.log(
    `\nsummary: ${tally.closed}/${cases.length} closed (${tally.optimalMatch} proven optimal, ${tally.infeasibleMatch} proven infeasible, as the paper); originals closed ${tally.originalsClosed}/${originals} in ${tally.originalSeconds.toFixed(1)} s of search${THROUGH_CLI ? ` (${tally.originalWall.toFixed(1)} s of wall-clock, process start included)` : ''}; ${tally.contradictions} contradictions with the paper; open files median ${medianGap} breaks above the optimum; slowest file ${tally.worst.toFixed(1)} s`,
  );
}

function scaleRuns() {
  console.log('\nGenerated instances around a hidden complete schedule: 3 days of 16 slots, time limit 60 s');
  console.log(
    'participants  meetings  tables  scheduled  conflicts  breaks  hidden schedule  lower bound  status     seconds  peak MiB',
  );
  const cases: [number, string][] = [
    [1_000, ''],
    [5_000, ''],
    [16_000, ''],
    [16_000, 'restricted'],
  ];
  for (const [n, restricted] of cases) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/scheduler.bench.ts', '--scale', String(n), restricted],
      {
        cwd: ROOT,
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    const line = child.stdout.trim().split('\n').pop() ?? '';
    try {
      const r = JSON.parse(line);
      console.log(
        `${String(r.participants).padStart(12)}  ${String(r.meetings).padStart(8)}  ${String(r.tables).padStart(6)}  ${String(r.scheduled).padStart(9)}  ${String(r.violations).padStart(9)}  ${String(r.breaks).padStart(6)}  ${String(r.hiddenBreaks ?? '-').padStart(15)}  ${String(r.lowerBound).padStart(11)}  ${r.status.padEnd(9)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.peakMiB.toFixed(0).padStart(8)}`,
      );
    } catch {
      console.log(`${n}: the run failed: ${child.stderr.slice(-400)}`);
    }
  }
  console.log(
    '* 30 % of the meetings keep to the session of their hidden slot; 30 % of the slots a participant does not use there are unavailable',
  );
}

function rescheduleRun() {
  const { problem } = scaleCase(5_000);
  const first = solve(problem, { timeLimitSeconds: 30, seed: 1 });
  // Cancel 1 % of the meetings and add 1 % new ones between participants who had not met.
  const cancel = new Set<number>();
  for (let m = 0; m < problem.meetings.length && cancel.size < problem.meetings.length / 100; m += 97)
    cancel.add(m);
  const kept = problem.meetings.map((m, i) => ({ m, i })).filter(({ i }) => !cancel.has(i));
  const met = new Set(problem.meetings.map((m) => m.participants.join(',')));
  const added = [];
  for (let a = 0; added.length < problem.meetings.length / 100 && a < problem.participants; a += 7) {
    const b = (a * 31 + 11) % problem.participants;
    const key = [Math.min(a, b), Math.max(a, b)].join(',');
    if (a === b || met.has(key)) continue;
    met.add(key);
    added.push({ participants: [Math.min(a, b), Math.max(a, b)] });
  }
  const next = { ...problem, meetings: [...kept.map(({ m }) => m), ...added] };
  const keep = {
    slots: [...kept.map(({ i }) => first.slots[i]!), ...added.map(() => -1)],
    tables: [...kept.map(({ i }) => first.tables[i]!), ...added.map(() => -1)],
  };
  const r = solve(next, { timeLimitSeconds: 30, seed: 1, keep });
  let same = 0;
  kept.forEach((_, k) => {
    if (r.slots[k] === keep.slots[k] && r.tables[k] === keep.tables[k]) same++;
  });
  const check = checkSchedule(next, r.slots, r.tables);
  console.log(
    `\nRe-scheduling 5,000 participants after cancelling ${cancel.size} and adding ${added.length} meetings: ${same} of ${kept.length} kept their slot and table (${((100 * same) / kept.length).toFixed(2)} %, goal ≥ 97 %); ${r.unscheduled.length} unscheduled, ${check.violations.length} conflicts, ${r.seconds.toFixed(1)} s`,
  );
}

benchmarkFiles();
if (!FILTER) {
  scaleRuns();
  rescheduleRun();
}
