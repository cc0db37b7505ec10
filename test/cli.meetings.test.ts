import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from './support/cli.ts';
import { readIcs } from './support/meetings.ts';

describe('the escale CLI for recommendations and agendas', () => {
  let dir: string;
  const previous = process.env.DATABASE_URL;

  const run = runCli;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'escale-cli-meetings-'));
    process.env.DATABASE_URL = join(dir, 'cli.db');
    assert.equal((await run('demo')).code, 0);
  });
  after(() => {
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
    rmSync(dir, { recursive: true, force: true });
  });

  test('recommend --json prints counterparts best first, each with its reasons', async () => {
    const r = await run(
      'recommend',
      '--mission',
      'marseille-miami-2026',
      '--organization',
      'calanques medtech',
      '--limit',
      '5',
      '--json',
    );
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out) as { organization: string; score: number; reasons: string[] }[];
    assert.equal(rows.length, 5);
    assert.ok(rows.every((x) => x.reasons.length > 0 && x.score > 0));
    assert.deepEqual(
      rows.map((x) => x.score),
      rows.map((x) => x.score).sort((a, b) => b - a),
    );
    assert.ok(rows.some((x) => x.reasons.some((reason) => /answers your request/.test(reason))));
  });

  test('agenda writes one ICS, a folder of agendas, and a table sheet', async () => {
    const ics = join(dir, 'camille.ics');
    const one = await run(
      'agenda',
      '--mission',
      'miami-marseille-2027',
      '--email',
      'camille.roux@calanques-medtech.example',
      '--format',
      'ics',
      '--out',
      ics,
    );
    assert.equal(one.code, 0, one.err);
    const events = readIcs(readFileSync(ics, 'utf8'));
    assert.ok(
      events.length > 0 &&
        events.every((e) => e.uid.startsWith('meeting-') || e.uid.startsWith('programme-')),
    );
    const folder = join(dir, 'all');
    const all = await run(
      'agenda',
      '--mission',
      'miami-marseille-2027',
      '--all',
      '--format',
      'json',
      '--out',
      folder,
    );
    assert.equal(all.code, 0, all.err);
    const files = readdirSync(folder);
    assert.equal(files.length, Number(all.out.match(/Wrote (\d+) agendas/)?.[1]));
    assert.ok(files.length >= 20);
    const sheet = join(dir, 'table.pdf');
    const table = await run(
      'agenda',
      '--mission',
      'miami-marseille-2027',
      '--table',
      'A',
      '--format',
      'pdf',
      '--out',
      sheet,
    );
    assert.equal(table.code, 0, table.err);
    assert.equal(readFileSync(sheet).subarray(0, 4).toString(), '%PDF');
  });

  test('report writes the JSON of every dashboard figure, and the PDF', async () => {
    const json = join(dir, 'impact.json');
    const r = await run('report', '--mission', 'marseille-miami-2025', '--format', 'json', '--out', json);
    assert.equal(r.code, 0, r.err);
    const impact = JSON.parse(readFileSync(json, 'utf8'));
    for (const key of ['funnel', 'value', 'jobs', 'bySector', 'bySide', 'byMonth', 'partnership'])
      assert.ok(key in impact, key);
    assert.ok(impact.funnel.signed > 0 && impact.jobs.actualTotal > 0);
    const pdf = join(dir, 'impact.pdf');
    assert.equal(
      (
        await run(
          'report',
          '--mission',
          'marseille-miami-2025',
          '--format',
          'pdf',
          '--lang',
          'en',
          '--out',
          pdf,
        )
      ).code,
      0,
    );
    assert.equal(readFileSync(pdf).subarray(0, 4).toString(), '%PDF');
    assert.equal(
      (await run('report', '--mission', 'marseille-miami-2025', '--format', 'docx', '--out', pdf)).code,
      2,
    );
  });

  test('mistakes print one line and exit 2', async () => {
    for (const argv of [
      ['recommend', '--mission', 'marseille-miami-2026', '--organization', 'Nobody Inc'],
      [
        'recommend',
        '--mission',
        'marseille-miami-2026',
        '--organization',
        'Calanques MedTech',
        '--limit',
        'many',
      ],
      ['agenda', '--mission', 'miami-marseille-2027', '--format', 'ics', '--out', join(dir, 'x')],
      [
        'agenda',
        '--mission',
        'miami-marseille-2027',
        '--email',
        'nobody@x.example',
        '--format',
        'ics',
        '--out',
        join(dir, 'x'),
      ],
      [
        'agenda',
        '--mission',
        'miami-marseille-2027',
        '--table',
        'Z9',
        '--format',
        'pdf',
        '--out',
        join(dir, 'x'),
      ],
      ['agenda', '--mission', 'miami-marseille-2027', '--all', '--format', 'doc', '--out', join(dir, 'x')],
    ]) {
      const r = await run(...argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
      assert.equal(r.err.split('\n').length, 1);
      assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
    }
  });
});
