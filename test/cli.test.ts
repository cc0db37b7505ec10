import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sourceFingerprint } from '../bin/bundle.js';
import { trianglesProblem } from '../src/scheduler/tiny-problems.ts';
import { ensureWebBuilt } from './support/browser.ts';
import { runCli } from './support/cli.ts';
import { HEADER_EN, SMALL_ROSTER_CSV } from './support/roster.ts';

describe('the escale CLI', () => {
  let dir: string;
  const previous = process.env.DATABASE_URL;

  const run = runCli;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'escale-cli-'));
    process.env.DATABASE_URL = join(dir, 'cli.db');
  });
  after(() => {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  const create = [
    'mission',
    'create',
    '--slug',
    'nice-montreal-2027',
    '--title',
    'Nice à Montréal',
    '--origin',
    'Nice Côte d’Azur',
    '--host',
    'Montréal',
    '--timezone',
    'America/Toronto',
    '--start',
    '2027-05-10',
    '--end',
    '2027-05-14',
  ];

  test('creates a mission and lists it as JSON with its counts', async () => {
    const made = await run(...create);
    assert.equal(made.code, 0, made.err);
    const list = await run('mission', 'list', '--json');
    assert.equal(list.code, 0);
    const rows = JSON.parse(list.out);
    assert.deepEqual(rows[0], {
      slug: 'nice-montreal-2027',
      title: 'Nice à Montréal',
      timezone: 'America/Toronto',
      startsOn: '2027-05-10',
      endsOn: '2027-05-14',
      organizations: 0,
      people: 0,
    });
  });

  test('user mistakes print one line naming the problem and exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [create, /already/],
      [
        [...create.slice(0, 11), 'Mars/Olympus', ...create.slice(12)].map((a) => a.replace('nice-', 'x-')),
        /invalid input: --timezone: not an IANA time zone/,
      ],
      [['mission', 'create', '--title', 'x'], /--slug is required/],
      [['mission', 'list', '--colour'], /colour/],
      [['launch'], /unknown command/],
      [['import', join(dir, 'missing.csv'), '--mission', 'nice-montreal-2027'], /no such file/i],
      [['export', '--mission', 'nope'], /Mission "nope" not found/],
      [['export', '--mission', 'nice-montreal-2027', '--format', 'pdf'], /csv or xlsx/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      assert.equal(r.code, 2, `${argv.join(' ')} → ${r.code} ${r.err}`);
      assert.match(r.err, message);
      assert.equal(r.err.split('\n').length, 1, r.err);
      assert.doesNotMatch(r.err, /\s+at \S+:\d+/);
    }
  });

  test('imports with --dry-run, then for real; a bad file is refused with its rows listed', async () => {
    const file = join(dir, 'roster.csv');
    writeFileSync(file, SMALL_ROSTER_CSV);
    const dry = await run('import', file, '--mission', 'nice-montreal-2027', '--dry-run');
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /Dry run/);
    assert.match(dry.out, /organizations: 2 new/);
    assert.match((await run('mission', 'list')).out, /0 organizations/);
    const real = await run('import', file, '--mission', 'nice-montreal-2027');
    assert.equal(real.code, 0);
    assert.match((await run('mission', 'list')).out, /2 organizations, 3 people/);

    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      `${HEADER_EN}\nhost,A,company,France,,,,,,,A,B,a@a.example,,xx\nhost,B,company,France,,,,,,,C,D,bad,,fr`,
    );
    const refused = await run('import', bad, '--mission', 'nice-montreal-2027');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /row 2 language must be fr or en; row 3 email not a valid e-mail address/);
  });

  test('exports the import columns to a file', async () => {
    const out = join(dir, 'out.csv');
    const r = await run('export', '--mission', 'nice-montreal-2027', '--out', out);
    assert.equal(r.code, 0, r.err);
    const text = readFileSync(out, 'utf8').replace(/^\uFEFF/, '');
    assert.equal(text.split('\n')[0], HEADER_EN);
    assert.equal(text.trim().split('\n').length, 4);
  });

  test('adds a user with a role, and every command has --help', async () => {
    const r = await run(
      'user',
      'add',
      '--email',
      'Agent@Agency.example',
      '--name',
      'Agent Smith',
      '--mission',
      'nice-montreal-2027',
      '--role',
      'organizer',
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /agent@agency\.example/);
    assert.match(r.out, /organizer/);
    for (const cmd of [
      ['start'],
      ['serve'],
      ['migrate'],
      ['demo'],
      ['mission', 'create'],
      ['mission', 'list'],
      ['import'],
      ['export'],
      ['user', 'add'],
    ]) {
      const help = await run(...cmd, '--help');
      assert.equal(help.code, 0);
      assert.match(help.out, /^Usage: escale/);
    }
  });

  test('solve prints a 1-based schedule from a JSON problem, and --keep keeps it', async () => {
    const file = join(dir, 'problem.json');
    const problem = {
      participants: 4,
      slots: 4,
      tables: 2,
      meetings: [
        { participants: [1, 2] },
        { participants: [1, 3] },
        { participants: [2, 4] },
        { participants: [3, 4], fixedSlot: 4 },
      ],
      unavailable: { '1': [1] },
    };
    writeFileSync(file, JSON.stringify(problem));
    const r = await run('solve', file, '--time-limit', '2', '--seed', '3');
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out);
    assert.deepEqual(out.meetings, [
      [1, 2],
      [1, 3],
      [2, 4],
      [3, 4],
    ]);
    assert.equal(out.status, 'optimal');
    assert.equal(out.objective, 0);
    assert.equal(out.slots[3], 4);
    assert.ok(out.slots.every((s: number) => s >= 1 && s <= 4));
    assert.ok(!out.slots.slice(0, 2).includes(1), 'participant 1 is away in slot 1');
    assert.equal(typeof out.seconds, 'number');

    const previous = join(dir, 'previous.json');
    writeFileSync(previous, r.out);
    writeFileSync(file, JSON.stringify({ ...problem, meetings: problem.meetings.slice(1) }));
    const again = JSON.parse((await run('solve', file, '--keep', previous, '--time-limit', '2')).out);
    assert.deepEqual(again.slots, out.slots.slice(1));
    assert.deepEqual(again.tables, out.tables.slice(1));
    assert.equal(again.infeasibleBecause, undefined);

    // Participant 1 has three meetings and two usable slots: the proof comes with the answer.
    const crowded = [{ participants: [1, 2] }, { participants: [1, 3] }, { participants: [1, 4] }];
    writeFileSync(file, JSON.stringify({ ...problem, slots: 3, meetings: crowded }));
    const none = JSON.parse((await run('solve', file, '--time-limit', '2')).out);
    assert.equal(none.status, 'infeasible');
    assert.match(none.infeasibleBecause, /participant 1/);
    assert.equal(none.unscheduled.length, 1);
  });

  test('solve refuses a malformed problem or parameter with one line and exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ participants: 2, slots: 2, tables: 1, meetings: [{ participants: [1, 3] }] }),
    );
    const cases: [string[], RegExp][] = [
      [['solve', bad], /meetings\.0\.participants\.1: participant 3 is outside 1\.\.2/],
      [['solve', bad, '--time-limit', 'soon'], /--time-limit must be a number/],
      [['solve'], /needs a FILE/],
      [['solve', bad, '--fairness', '-1'], /--fairness.*argument is ambiguous.*'--fairness=-XYZ'/],
      [['solve', bad, '--fairness=-1'], /--fairness must be a number of at least 0, got "-1"/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, message);
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
    }
  });

  test('the package bin runs the CLI', () => {
    const text = execFileSync(process.execPath, ['bin/escale.js', '--help'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    assert.match(text, /Usage: escale COMMAND/);
  });
});

describe('the CLI bundle', () => {
  test('the package bin solves through the bundle, its exact search running in the bundled worker threads', () => {
    // 40 triangles of meetings: each costs one break, which no participant's own bound shows, so
    // the optimum of 40 is proven only by the exact search in its thread.
    const dir = mkdtempSync(join(tmpdir(), 'escale-bundle-'));
    const problem = trianglesProblem(40, 18);
    const file = join(dir, 'triangles.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...problem,
        meetings: problem.meetings.map((m) => ({ participants: m.participants.map((p) => p + 1) })),
        unavailable: undefined,
      }),
    );
    try {
      const out = execFileSync(process.execPath, ['bin/escale.js', 'solve', file, '--time-limit', '30'], {
        encoding: 'utf8',
        env: { ...process.env, ESCALE_BUNDLE: '1' }, // no fallback to tsx
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const result = JSON.parse(out);
      assert.equal(result.status, 'optimal');
      assert.equal(result.objective, 40);
      assert.equal(result.lowerBound, 40);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the bundled server serves the web app from the package, not from beside the bundle', async () => {
    const index = readFileSync(join(ensureWebBuilt(), 'index.html'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'escale-serve-'));
    const port = await freePort();
    const server = spawn(process.execPath, ['bin/escale.js', 'serve'], {
      env: { ...process.env, ESCALE_BUNDLE: '1', PORT: String(port), DATABASE_URL: join(dir, 'serve.db') },
      stdio: 'ignore',
    });
    try {
      let body = '';
      for (let i = 0; i < 100 && body === ''; i++) {
        await new Promise((r) => setTimeout(r, 150));
        body = await fetch(`http://127.0.0.1:${port}/`).then(
          (res) => (res.ok ? res.text() : ''),
          () => '',
        );
      }
      assert.equal(body, index);
    } finally {
      server.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the bundle's fingerprint changes with any source file, not with a test", () => {
    const dir = mkdtempSync(join(tmpdir(), 'escale-sources-'));
    try {
      mkdirSync(join(dir, 'cli'));
      writeFileSync(join(dir, 'cli', 'main.ts'), 'export const a = 1;\n');
      writeFileSync(join(dir, 'cli', 'main.test.ts'), 'test\n');
      const first = sourceFingerprint(dir);
      assert.equal(sourceFingerprint(dir), first);
      writeFileSync(join(dir, 'cli', 'main.test.ts'), 'another test\n');
      assert.equal(sourceFingerprint(dir), first);
      writeFileSync(join(dir, 'cli', 'main.ts'), 'export const a = 2;\n');
      const second = sourceFingerprint(dir);
      assert.notEqual(second, first);
      writeFileSync(join(dir, 'cli', 'more.ts'), 'export const b = 1;\n');
      assert.notEqual(sourceFingerprint(dir), second);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
