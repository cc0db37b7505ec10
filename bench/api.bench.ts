// npm run bench:api — generates 16,000 participants in 5,000 organizations, times the CSV import,
// then loads the directory search endpoint and a bare Fastify route at a fixed rate with autocannon.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../src/config.ts';
import { inTransaction } from '../src/db/database.ts';
import { findMissionBySlug } from '../src/db/missions.repository.ts';
import { silentLogger } from '../src/services/context.ts';
import { impactOf } from '../src/services/leads/impact.service.ts';
import { openContext } from '../src/services/open-context.ts';
import { importRoster } from '../src/services/roster/import.service.ts';
import { addUser, grantMissionRole } from '../src/services/users.service.ts';
import { generateFollowUp } from './follow-up-generator.ts';
import { type Load, load, startChild } from './http.ts';
import { generateRosterCsv } from './roster-generator.ts';
import { createBenchMission } from './setup.ts';

const ORGANIZATIONS = 5_000;
const PEOPLE = 16_000;
const RATE = 500;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = 3;
const MEETINGS = 50_000;
const LEADS = 20_000;
const DASHBOARD_RATE = Number(process.env.BENCH_DASHBOARD_RATE ?? 20);

const dir = mkdtempSync(join(tmpdir(), 'escale-bench-'));
const databaseUrl = join(dir, 'bench.db');
const children: ChildProcess[] = [];
try {
  const ctx = await openContext(readConfig({ DATABASE_URL: databaseUrl }), silentLogger);
  await createBenchMission(ctx);
  const csv = generateRosterCsv(ORGANIZATIONS, PEOPLE);
  const t0 = performance.now();
  const summary = await importRoster(ctx, 'system', 'bench', csv, { dryRun: false });
  const importSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const again = await importRoster(ctx, 'system', 'bench', csv, { dryRun: false });
  const reimportSeconds = (performance.now() - t1) / 1000;
  await addUser(ctx, 'system', {
    email: 'bench@bench.example',
    displayName: 'Bench',
    password: 'bench-password-1',
  });
  await grantMissionRole(ctx, 'system', 'bench', { email: 'bench@bench.example', role: 'participant' });
  await addUser(ctx, 'system', {
    email: 'official@bench.example',
    displayName: 'Official',
    password: 'bench-password-1',
  });
  await grantMissionRole(ctx, 'system', 'bench', { email: 'official@bench.example', role: 'official' });
  const mission = (await findMissionBySlug(ctx.db.kysely, 'bench'))!;
  const t2 = performance.now();
  await inTransaction(ctx.db, (trx) => generateFollowUp(trx, mission.id, MEETINGS, LEADS));
  const followUpSeconds = (performance.now() - t2) / 1000;
  // The dashboard computed from the rows, without the cache that the server keeps between writes.
  const computeMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await impactOf(ctx, mission);
    computeMs.push(performance.now() - t);
  }
  await ctx.close();

  const port = 3900 + Math.floor(Math.random() * 50);
  children.push(
    await startChild(
      dir,
      ['bin/escale.js', 'serve'],
      { DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
      `http://127.0.0.1:${port}/api/health`,
    ),
  );
  children.push(
    await startChild(
      dir,
      ['--import', 'tsx', 'bench/bare-server.ts'],
      { PORT: String(port + 1) },
      `http://127.0.0.1:${port + 1}/bare`,
    ),
  );
  const signIn = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@bench.example', password: 'bench-password-1' }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const searches = [
    '/api/v1/missions/bench/organizations',
    '/api/v1/missions/bench/organizations?sector=health',
    '/api/v1/missions/bench/organizations?q=solar',
    '/api/v1/missions/bench/organizations?q=remote%20monitoring&sector=digital',
    '/api/v1/missions/bench/organizations?side=host&page=20',
    '/api/v1/missions/bench/organizations?q=organization%2042',
  ];
  // Three rounds, the two routes interleaved, so that the machine's noise shows and medians can be taken.
  const rounds: { bare: Load; directory: Load }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const bare = await load(`http://127.0.0.1:${port + 1}`, {}, ['/bare'], { seconds: SECONDS, rate: RATE });
    const directory = await load(`http://127.0.0.1:${port}`, { cookie }, searches, {
      seconds: SECONDS,
      rate: RATE,
    });
    rounds.push({ bare, directory });
  }
  const official = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'official@bench.example', password: 'bench-password-1' }),
  });
  const officialCookie = (official.headers.get('set-cookie') ?? '').split(';')[0]!;
  const dashboards: Load[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    dashboards.push(
      await load(`http://127.0.0.1:${port}`, { cookie: officialCookie }, ['/api/v1/missions/bench/impact'], {
        seconds: SECONDS,
        rate: DASHBOARD_RATE,
        connections: 5,
      }),
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const med = (key: 'bare' | 'directory', field: keyof Load) => median(rounds.map((r) => r[key][field]));

  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(`\nCSV import: ${PEOPLE} rows, ${ORGANIZATIONS} organizations`);
  console.log(
    `  first import    ${importSeconds.toFixed(2)} s  (${summary.people.created} people, ${summary.organizations.created} organizations created)   goal ≤ 10 s`,
  );
  console.log(
    `  same file again ${reimportSeconds.toFixed(2)} s  (${again.people.unchanged} people unchanged)`,
  );
  console.log(`\nHTTP at ${RATE} req/s offered, ${SECONDS} s per round, 20 connections, SQLite`);
  console.log('  round  route                  req/s   p50 ms   p90 ms   p99 ms  errors');
  rounds.forEach((r, i) => {
    for (const key of ['bare', 'directory'] as const) {
      const x = r[key];
      console.log(
        `  ${i + 1}      ${(key === 'bare' ? 'bare Fastify route' : 'directory search').padEnd(18)} ${f(x.rps)} ${f(x.p50)} ${f(x.p90)} ${f(x.p99)} ${String(x.errors).padStart(7)}`,
      );
    }
  });
  const p99 = med('directory', 'p99');
  const rps = med('directory', 'rps');
  const errors = rounds.reduce((n, r) => n + r.directory.errors, 0);
  console.log(
    `  median directory search  ${f(rps)} ${f(med('directory', 'p50'))} ${f(med('directory', 'p90'))} ${f(p99)}`,
  );
  console.log(
    `  median bare route        ${f(med('bare', 'rps'))} ${f(med('bare', 'p50'))} ${f(med('bare', 'p90'))} ${f(med('bare', 'p99'))}`,
  );
  console.log(
    `\nImpact dashboard: ${PEOPLE} participants, ${MEETINGS} meetings, ${LEADS} leads (generated in ${followUpSeconds.toFixed(1)} s); ${DASHBOARD_RATE} req/s offered, 5 connections`,
  );
  console.log(
    `  computed from the rows (no cache): median ${[...computeMs].sort((a, b) => a - b)[2]!.toFixed(0)} ms over 5 runs in-process`,
  );
  console.log('  round     req/s   p50 ms   p90 ms p97.5 ms   p99 ms  errors');
  dashboards.forEach((x, i) => {
    console.log(
      `  ${i + 1}     ${f(x.rps)} ${f(x.p50)} ${f(x.p90)} ${f(x.p97_5)} ${f(x.p99)} ${String(x.errors).padStart(7)}`,
    );
  });
  const dashboardP975 = median(dashboards.map((x) => x.p97_5));
  const dashboardErrors = dashboards.reduce((n, x) => n + x.errors, 0);
  console.log(`  median p97.5 ${dashboardP975} ms (an upper bound of p95; goal ≤ 200 ms)`);
  const ok =
    importSeconds <= 10 && p99 <= 50 && errors === 0 && dashboardP975 <= 200 && dashboardErrors === 0;
  console.log(
    `\nsummary: import ${importSeconds.toFixed(2)} s (goal ≤ 10); directory search median p99 ${p99} ms at ${rps.toFixed(0)} req/s (goal ≤ 50 ms at ${RATE}), ${(p99 / Math.max(1, med('bare', 'p99'))).toFixed(1)}× the bare route's; ${errors} errors; dashboard median p97.5 ${dashboardP975} ms (goal p95 ≤ 200 ms), ${dashboardErrors} errors — ${ok ? 'goals met' : 'GOALS MISSED'}`,
  );
} finally {
  for (const c of children) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
