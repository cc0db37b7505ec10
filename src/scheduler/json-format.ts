import { z } from 'zod';
import { ProblemFormatError } from './dzn.ts';
import type { SchedulingProblem } from './problem.ts';

/**
 * Escale's own problem format (1-based like the benchmark, so files are easy to write by hand):
 * {
 *   "participants": 4, "slots": 8, "morningSlots": 4, "tables": 2,
 *   "days": [8],                                   // optional: slots per day, summing to "slots"
 *   "tableOwners": [null, 3],                      // optional: per table, the participant who owns it
 *   "meetings": [{ "participants": [1, 2], "weight": 2, "session": "morning",
 *                  "fixedSlot": 3, "after": [2] }], // weight, session, fixedSlot, after: optional
 *   "unavailable": { "3": [1, 2] },                // optional: participant -> slots
 *   "fairness": 2                                  // optional; --fairness overrides it
 * }
 */
const positive = z.number().int().min(1);
const ProblemFileSchema = z.strictObject({
  participants: positive,
  slots: positive,
  morningSlots: z.number().int().min(0).optional(),
  tables: positive,
  days: z.array(positive).optional(),
  tableOwners: z.array(positive.nullable()).optional(),
  meetings: z.array(
    z.strictObject({
      participants: z.array(positive).min(2).max(4),
      weight: z.number().positive().optional(),
      session: z.enum(['morning', 'afternoon', 'any']).optional(),
      fixedSlot: positive.optional(),
      after: z.array(positive).optional(),
    }),
  ),
  unavailable: z.record(z.string().regex(/^\d+$/), z.array(positive)).optional(),
  fairness: z.number().int().min(0).optional(),
});

/** Parses the JSON problem format into a 0-based problem; throws ProblemFormatError naming the field. */
export function parseProblemJson(text: string, fairness: number | undefined): SchedulingProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ProblemFormatError(`not valid JSON: ${(err as Error).message}`);
  }
  const parsed = ProblemFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ProblemFormatError(`field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const f = parsed.data;
  const fail = (field: string, why: string) => new ProblemFormatError(`field ${field}: ${why}`);
  if (f.days && f.days.reduce((a, b) => a + b, 0) !== f.slots)
    throw fail('days', `must add up to slots (${f.slots})`);
  if (f.tableOwners && f.tableOwners.length !== f.tables)
    throw fail('tableOwners', `must list ${f.tables} tables`);
  const participant = (field: string, p: number) => {
    if (p > f.participants) throw fail(field, `participant ${p} is outside 1..${f.participants}`);
    return p - 1;
  };
  const slot = (field: string, s: number) => {
    if (s > f.slots) throw fail(field, `slot ${s} is outside 1..${f.slots}`);
    return s - 1;
  };
  const meetings = f.meetings.map((m, i) => {
    const members = m.participants.map((p, k) => participant(`meetings.${i}.participants.${k}`, p));
    if (new Set(members).size !== members.length)
      throw fail(`meetings.${i}.participants`, 'a participant appears twice');
    return {
      participants: members,
      ...(m.weight !== undefined && { weight: m.weight }),
      ...(m.session !== undefined && { session: m.session }),
      ...(m.fixedSlot !== undefined && { fixedSlot: slot(`meetings.${i}.fixedSlot`, m.fixedSlot) }),
      ...(m.after !== undefined && {
        after: m.after.map((b, k) => {
          if (b > f.meetings.length || b === i + 1)
            throw fail(`meetings.${i}.after.${k}`, `meeting ${b} is not another meeting`);
          return b - 1;
        }),
      }),
    };
  });
  const unavailable: number[][] = Array.from({ length: f.participants }, () => []);
  for (const [key, list] of Object.entries(f.unavailable ?? {})) {
    const p = participant(`unavailable.${key}`, Number(key));
    unavailable[p] = list.map((s, k) => slot(`unavailable.${key}.${k}`, s));
  }
  const d = fairness ?? f.fairness ?? 2;
  return {
    participants: f.participants,
    slots: f.slots,
    ...(f.days && { dayLengths: f.days }),
    morningSlots: f.morningSlots ?? f.slots,
    tables: f.tables,
    ...(f.tableOwners && {
      tableOwners: f.tableOwners.map((o, t) => (o === null ? null : participant(`tableOwners.${t}`, o))),
    }),
    meetings,
    unavailable,
    fairness: d,
  };
}
