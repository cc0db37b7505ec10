import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { findMissionBySlug } from '../src/db/missions.repository.ts';
import { computeDashboard } from '../src/services/leads/dashboard.ts';
import { testDialects } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';

const MISSIONS = ['marseille-miami-2025', 'marseille-miami-2026', 'miami-marseille-2027'];
const close = (a: number, b: number) => Math.abs(a - b) < 0.01;

for (const dialect of await testDialects()) {
  describe(`dashboard figures against an independent computation on ${dialect.name}`, {
    skip: dialect.skip,
  }, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(await dialect.create());
    });
    after(() => h?.close());

    for (const slug of MISSIONS) {
      test(`${slug}: funnel, value, jobs, sectors, sides and months from SQL over the raw rows`, async () => {
        const db = h.ctx.db.kysely;
        const mission = (await findMissionBySlug(db, slug))!;
        const d = await computeDashboard(db, mission);
        const one = async (q: string) =>
          Number((await sql<{ n: number }>`${sql.raw(q)}`.execute(db)).rows[0]?.n ?? 0);
        const m = `'${mission.id}'`;
        const credited = `select lead_id from lead_missions where mission_id = ${m}`;
        // Each lead's value in the reporting currency, through the recorded rates, in SQL.
        const valued = `select l.*, case when l.amount is null then 0 when l.currency = '${mission.reporting_currency}' then l.amount
            when r.rate is null then 0 else l.amount * r.rate end as value
          from leads l left join mission_rates r on r.mission_id = ${m} and r.currency = l.currency
          where l.id in (${credited})`;
        assert.equal(
          d.funnel.organizations,
          await one(`select count(distinct organization_id) as n from registrations where mission_id = ${m}`),
        );
        assert.equal(
          d.funnel.requests,
          await one(`select count(*) as n from meeting_requests where mission_id = ${m}`),
        );
        assert.equal(
          d.funnel.accepted,
          await one(
            `select count(*) as n from meeting_requests where mission_id = ${m} and status = 'accepted'`,
          ),
        );
        assert.equal(
          d.funnel.held,
          await one(`select count(*) as n from meetings where mission_id = ${m} and status = 'held'`),
        );
        assert.equal(d.funnel.leads, await one(`select count(*) as n from (${credited}) c`));
        assert.equal(
          d.funnel.negotiation,
          await one(`select count(*) as n from (${valued}) v where stage in ('negotiation', 'signed')`),
        );
        assert.equal(
          d.funnel.signed,
          await one(`select count(*) as n from (${valued}) v where stage = 'signed'`),
        );
        assert.ok(
          close(
            d.value.signedTotal,
            await one(`select coalesce(sum(value), 0) as n from (${valued}) v where stage = 'signed'`),
          ),
        );
        assert.ok(
          close(
            d.value.signedConfirmed,
            await one(
              `select coalesce(sum(value), 0) as n from (${valued}) v where stage = 'signed' and evidence = 'confirmed'`,
            ),
          ),
        );
        assert.ok(
          close(
            d.value.signedDeclared,
            await one(
              `select coalesce(sum(value), 0) as n from (${valued}) v where stage = 'signed' and evidence = 'declared'`,
            ),
          ),
        );
        assert.ok(
          close(
            d.value.openPipeline,
            await one(
              `select coalesce(sum(value), 0) as n from (${valued}) v where stage in ('contact', 'follow_up', 'negotiation')`,
            ),
          ),
        );
        assert.equal(
          d.jobs.actualTotal,
          await one(`select coalesce(sum(jobs_actual), 0) as n from (${valued}) v where stage = 'signed'`),
        );
        assert.equal(
          d.jobs.actualConfirmed,
          await one(
            `select coalesce(sum(jobs_actual), 0) as n from (${valued}) v where stage = 'signed' and evidence = 'confirmed'`,
          ),
        );
        assert.equal(
          d.jobs.projected,
          await one(
            `select coalesce(sum(jobs_projected), 0) as n from (${valued}) v where stage <> 'abandoned'`,
          ),
        );
        assert.equal(
          d.jobs.actualConfirmed + d.jobs.actualDeclared,
          d.jobs.actualTotal,
          'actual jobs split without overlap',
        );
        for (const c of ['yes', 'partly', 'no'] as const) {
          assert.equal(
            d.counterfactual[c],
            await one(
              `select count(*) as n from (${valued}) v where stage = 'signed' and counterfactual = '${c}'`,
            ),
          );
        }
        const sectors = (
          await sql<{ sector: string; leads: number; signed: number; value: number; jobs: number }>`${sql.raw(
            `select coalesce(sector_code, 'none') as sector, count(*) as leads,
               sum(case when stage = 'signed' then 1 else 0 end) as signed,
               sum(case when stage = 'signed' then value else 0 end) as value,
               sum(case when stage = 'signed' then coalesce(jobs_actual, 0) else 0 end) as jobs
             from (${valued}) v group by coalesce(sector_code, 'none') order by 1`,
          )}`.execute(db)
        ).rows;
        assert.deepEqual(
          d.bySector.map((s) => s.sector),
          sectors.map((s) => s.sector),
        );
        for (const s of sectors) {
          const mine = d.bySector.find((x) => x.sector === s.sector)!;
          assert.equal(mine.leads, Number(s.leads));
          assert.equal(mine.signed, Number(s.signed));
          assert.ok(close(mine.value, Number(s.value)), `${s.sector}: ${mine.value} vs ${s.value}`);
          assert.equal(mine.jobsActual, Number(s.jobs));
        }
        for (const side of ['delegation', 'host']) {
          const mine = d.bySide.find((x) => x.side === side);
          assert.equal(
            mine?.leads ?? 0,
            await one(`select count(*) as n from (${valued}) v where side = '${side}'`),
          );
        }
        assert.equal(
          d.byMonth.reduce((s, x) => s + x.signed, 0),
          d.funnel.signed,
          'every signed lead falls in one month',
        );
        assert.equal(
          d.stories.length,
          await one(`select count(*) as n from (${valued}) v where story_public = 1 and story <> ''`),
        );
      });
    }

    test('filters narrow the leads: a sector and a side, checked against SQL', async () => {
      const db = h.ctx.db.kysely;
      const mission = (await findMissionBySlug(db, 'marseille-miami-2025'))!;
      const d = await computeDashboard(db, mission, { sector: 'health', side: 'delegation' });
      const rows = await sql<{
        n: number;
        s: number;
      }>`select count(*) as n, coalesce(sum(case when l.stage = 'signed' then 1 else 0 end), 0) as s
        from leads l join lead_missions lm on lm.lead_id = l.id
        where lm.mission_id = ${mission.id} and l.sector_code = 'health' and l.side = 'delegation'`.execute(
        db,
      );
      assert.equal(d.funnel.leads, Number(rows.rows[0]?.n));
      assert.equal(d.funnel.signed, Number(rows.rows[0]?.s));
      assert.ok(d.bySector.every((s) => s.sector === 'health'));
      assert.ok(d.bySide.every((s) => s.side === 'delegation'));
      const all = await computeDashboard(db, mission);
      assert.equal(d.funnel.held, all.funnel.held, 'meetings are the mission’s, not filtered');
    });

    test('a lead credited to two missions counts once in each, and the demo has such leads', async () => {
      const db = h.ctx.db.kysely;
      const shared = await sql<{
        n: number;
      }>`select count(*) as n from (select lead_id from lead_missions group by lead_id having count(*) > 1) s`.execute(
        db,
      );
      assert.ok(Number(shared.rows[0]?.n) > 0);
      const m2025 = (await findMissionBySlug(db, 'marseille-miami-2025'))!;
      const d = await computeDashboard(db, m2025);
      const own = await sql<{
        n: number;
      }>`select count(*) as n from lead_missions where mission_id = ${m2025.id}`.execute(db);
      assert.equal(d.funnel.leads, Number(own.rows[0]?.n));
      assert.ok(
        d.funnel.signed > 0 && d.value.signedTotal > 0 && d.jobs.actualTotal > 0,
        'the demo has outcomes',
      );
    });
  });
}
