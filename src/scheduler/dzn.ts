import type { Meeting, SchedulingProblem } from './problem.ts';

/** A malformed problem file: the message names the line or the field. */
export class ProblemFormatError extends Error {}

type Value = number | number[] | Value[];

interface Token {
  text: string;
  line: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  const re = /(%[^\n]*)|(\n)|([ \t\r]+)|(-?\d+)|([A-Za-z_][A-Za-z0-9_]*)|(\[\||\|\]|[[\]{},;=|])|(.)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2]) line++;
    else if (m[4] || m[5] || m[6]) tokens.push({ text: m[0], line });
    else if (m[7]) throw new ProblemFormatError(`line ${line}: unexpected character "${m[7]}"`);
  }
  return tokens;
}

/** Reads `name = value;` items: integers, sets {…}, arrays […] and 2-D arrays [| … |]. */
function parseItems(text: string): Map<string, { value: Value; line: number }> {
  const tokens = tokenize(text);
  const items = new Map<string, { value: Value; line: number }>();
  let i = 0;
  const peek = () => tokens[i];
  const next = (what: string) => {
    const t = tokens[i++];
    if (!t) throw new ProblemFormatError(`unexpected end of file, expected ${what}`);
    return t;
  };
  const expect = (text: string) => {
    const t = next(`"${text}"`);
    if (t.text !== text)
      throw new ProblemFormatError(`line ${t.line}: expected "${text}", found "${t.text}"`);
  };
  const number = (): number => {
    const t = next('a number');
    if (!/^-?\d+$/.test(t.text))
      throw new ProblemFormatError(`line ${t.line}: expected a number, found "${t.text}"`);
    return Number(t.text);
  };
  const set = (): number[] => {
    expect('{');
    const out: number[] = [];
    while (peek()?.text !== '}') {
      out.push(number());
      if (peek()?.text === ',') i++;
    }
    expect('}');
    return out;
  };
  const element = (): Value => (peek()?.text === '{' ? set() : number());
  const value = (): Value => {
    const t = peek();
    if (!t) throw new ProblemFormatError('unexpected end of file, expected a value');
    if (t.text === '[|') {
      i++;
      const rows: Value[] = [];
      let row: number[] = [];
      while (peek()?.text !== '|]') {
        const u = peek();
        if (!u) throw new ProblemFormatError('unexpected end of file inside a 2-D array');
        if (u.text === '|') {
          i++;
          if (row.length > 0) rows.push(row);
          row = [];
        } else if (u.text === ',') i++;
        else row.push(number());
      }
      i++;
      if (row.length > 0) rows.push(row);
      return rows;
    }
    if (t.text === '[') {
      i++;
      const out: Value[] = [];
      while (peek()?.text !== ']') {
        out.push(element());
        if (peek()?.text === ',') i++;
      }
      i++;
      return out;
    }
    return element();
  };
  while (i < tokens.length) {
    const name = next('a name');
    if (!/^[A-Za-z_]/.test(name.text))
      throw new ProblemFormatError(`line ${name.line}: expected a name, found "${name.text}"`);
    expect('=');
    items.set(name.text, { value: value(), line: name.line });
    expect(';');
  }
  return items;
}

/**
 * Parses the published benchmark's MiniZinc data format (1-based, see ../shared/b2bsp/README.md)
 * into a 0-based problem. Throws ProblemFormatError naming the line or the field.
 */
export function parseDzn(text: string, fairness: number): SchedulingProblem {
  const items = parseItems(text);
  const int = (name: string): number => {
    const item = items.get(name);
    if (!item) throw new ProblemFormatError(`field ${name} is missing`);
    if (typeof item.value !== 'number' || item.value < 0)
      throw new ProblemFormatError(`line ${item.line}: ${name} must be a non-negative integer`);
    return item.value;
  };
  const list = (name: string, length: number, optional = false): Value[] => {
    const item = items.get(name);
    if (!item) {
      if (optional) return Array.from({ length }, () => []);
      throw new ProblemFormatError(`field ${name} is missing`);
    }
    if (!Array.isArray(item.value) || item.value.length !== length) {
      throw new ProblemFormatError(`line ${item.line}: ${name} must list ${length} entries`);
    }
    return item.value;
  };
  const participants = int('nBusiness');
  const nMeetings = int('nMeetings');
  const tables = int('nTables');
  const slots = int('nTotalSlots');
  const morningSlots = items.has('nMorningSlots') ? int('nMorningSlots') : slots;
  if (slots < 1) throw new ProblemFormatError('field nTotalSlots must be at least 1');
  const requested = list('requested', nMeetings);
  const line = (name: string) => items.get(name)?.line ?? 0;
  const fixed = items.has('fixed') ? (list('fixed', nMeetings) as number[]) : Array(nMeetings).fill(0);
  const precedences = list('precedences', nMeetings, true) as number[][];
  const forbidden = list('forbidden', participants, true) as number[][];

  const meetings: Meeting[] = requested.map((row, m) => {
    if (!Array.isArray(row) || row.length !== 3 || row.some((x) => typeof x !== 'number')) {
      throw new ProblemFormatError(`line ${line('requested')}: meeting ${m + 1} must be "a, b, session"`);
    }
    const [a, b, session] = row as number[];
    for (const p of [a!, b!]) {
      if (p < 1 || p > participants)
        throw new ProblemFormatError(
          `line ${line('requested')}: meeting ${m + 1} names participant ${p}, outside 1..${participants}`,
        );
    }
    if (a === b)
      throw new ProblemFormatError(
        `line ${line('requested')}: meeting ${m + 1} meets participant ${a} with itself`,
      );
    if (![1, 2, 3].includes(session!))
      throw new ProblemFormatError(
        `line ${line('requested')}: meeting ${m + 1} has session ${session}, not 1, 2 or 3`,
      );
    const meeting: Meeting = {
      participants: [a! - 1, b! - 1],
      session: session === 1 ? 'morning' : session === 2 ? 'afternoon' : 'any',
    };
    const f = fixed[m];
    if (typeof f !== 'number' || f < 0 || f > slots)
      throw new ProblemFormatError(
        `line ${line('fixed')}: fixed slot of meeting ${m + 1} must be 0..${slots}`,
      );
    if (f > 0) meeting.fixedSlot = f - 1;
    const before = precedences[m] ?? [];
    for (const x of before) {
      if (x < 1 || x > nMeetings)
        throw new ProblemFormatError(
          `line ${line('precedences')}: meeting ${m + 1} follows meeting ${x}, outside 1..${nMeetings}`,
        );
    }
    if (before.length > 0) meeting.after = before.map((x) => x - 1);
    return meeting;
  });
  const unavailable = forbidden.map((set, p) => {
    const slotsOut = set.filter((s) => s !== 0);
    for (const s of slotsOut) {
      if (s < 1 || s > slots)
        throw new ProblemFormatError(
          `line ${line('forbidden')}: participant ${p + 1} forbids slot ${s}, outside 1..${slots}`,
        );
    }
    return slotsOut.map((s) => s - 1);
  });
  return { participants, slots, morningSlots, tables, meetings, unavailable, fairness };
}
