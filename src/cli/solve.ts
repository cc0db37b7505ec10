import { readFile } from 'node:fs/promises';
import { pushTo } from '../domain/collections.ts';
import { ProblemFormatError, parseDzn } from '../scheduler/dzn.ts';
import type { SchedulingProblem } from '../scheduler/problem.ts';
import { runScheduler } from '../services/scheduler-runner.ts';
import type { Flags } from './commands.ts';
import { UsageError } from './errors.ts';

function integerFlag(flags: Flags, name: string, fallback: number, min: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value < min) {
    throw new UsageError(`--${name} must be a number of at least ${min}, got "${String(raw)}"`);
  }
  return value;
}

async function readProblem(file: string, fairness: number | undefined): Promise<SchedulingProblem> {
  const text = await readFile(file, 'utf8');
  const json = file.endsWith('.json') || text.trimStart().startsWith('{');
  // Loaded only for JSON: its schema's library takes about 0.1 s to load, as long as the whole
  // search of a small benchmark file.
  const parseJson = json ? (await import('../scheduler/json-format.ts')).parseProblemJson : undefined;
  try {
    return parseJson ? parseJson(text, fairness) : parseDzn(text, fairness ?? 2);
  } catch (err) {
    if (err instanceof ProblemFormatError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
  }
}

const pairKey = (members: number[]) => [...members].sort((a, b) => a - b).join(',');

/** Reads an earlier output of `escale solve`: per meeting (by its participants) the slots and tables it had. */
async function readKeep(file: string, problem: SchedulingProblem) {
  let previous: { meetings?: unknown; slots?: unknown; tables?: unknown };
  try {
    previous = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--keep ${file}: ${(err as Error).message}`);
  }
  const { meetings, slots, tables } = previous;
  if (
    !Array.isArray(meetings) ||
    !Array.isArray(slots) ||
    !Array.isArray(tables) ||
    slots.length !== meetings.length
  ) {
    throw new UsageError(
      `--keep ${file}: expected the JSON printed by escale solve (meetings, slots, tables)`,
    );
  }
  const places = new Map<string, { slot: number; table: number }[]>();
  meetings.forEach((m, i) => {
    const slot = slots[i];
    const table = tables[i];
    if (!Array.isArray(m) || typeof slot !== 'number' || typeof table !== 'number') return;
    const key = pairKey(m.map((p: number) => p - 1));
    pushTo(places, key, { slot: slot - 1, table: table - 1 });
  });
  const keepSlots: number[] = [];
  const keepTables: number[] = [];
  for (const m of problem.meetings) {
    const place = places.get(pairKey(m.participants))?.shift();
    keepSlots.push(place && place.slot < problem.slots ? place.slot : -1);
    keepTables.push(place && place.table < problem.tables ? place.table : -1);
  }
  return { slots: keepSlots, tables: keepTables };
}

/** `escale solve FILE`: prints one JSON object with the schedule, 1-based like the input. */
export async function solveFile(
  out: (line: string) => void,
  flags: Flags,
  file: string | undefined,
): Promise<void> {
  if (!file) throw new UsageError('solve needs a FILE (.dzn or .json)');
  const fairness = flags.fairness === undefined ? undefined : integerFlag(flags, 'fairness', 2, 0);
  if (fairness !== undefined && !Number.isInteger(fairness))
    throw new UsageError('--fairness must be a whole number');
  const timeLimitSeconds = integerFlag(flags, 'time-limit', 60, 0.001);
  const seed = integerFlag(flags, 'seed', 1, 0);
  const problem = await readProblem(file, fairness);
  const keep = typeof flags.keep === 'string' ? await readKeep(flags.keep, problem) : undefined;
  // In a worker, so that Ctrl-C stops the search and still prints the best schedule found.
  const run = runScheduler(problem, { timeLimitSeconds, seed, ...(keep && { keep }) });
  const onInterrupt = () => run.cancel();
  process.once('SIGINT', onInterrupt);
  const r = await run.result.finally(() => process.off('SIGINT', onInterrupt));
  out(
    JSON.stringify({
      status: r.status,
      objective: r.objective,
      lowerBound: r.lowerBound,
      meetings: problem.meetings.map((m) => m.participants.map((p) => p + 1)),
      slots: r.slots.map((s) => (s >= 0 ? s + 1 : null)),
      tables: r.tables.map((t) => (t >= 0 ? t + 1 : null)),
      unscheduled: r.unscheduled.map((u) => ({ meeting: u.meeting + 1, reason: u.reason })),
      ...(r.infeasibleBecause && { infeasibleBecause: r.infeasibleBecause }),
      tableChanges: r.tableChanges,
      seconds: Math.round(r.seconds * 1000) / 1000,
    }),
  );
}
