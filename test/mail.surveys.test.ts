import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sendDueSurveys } from '../src/services/surveys/surveys.service.ts';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';
import { readMail, startSmtp } from './support/smtp.ts';

const BASE = '/api/v1/missions/marseille-miami-2026';

describe('outcome surveys over a real SMTP conversation', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: Harness;
  let organizer: string;

  before(async () => {
    smtp = await startSmtp();
    const [sqlite] = await testDialects();
    h = await startHarness(await sqlite!.create(), { env: { SMTP_URL: smtp.url } });
    organizer = await h.signIn(DEMO_ACCOUNTS.organizer);
  });
  after(async () => {
    await h?.close();
    await smtp.close();
  });

  const mailsTo = (email: string) =>
    smtp.inbox.filter((m) => m.to.includes(email)).map((m) => readMail(m.data));

  test('the e-mail arrives in French, its link opens without a password, the answers update the lead and its history', async () => {
    const planned = await h.app.inject({
      method: 'POST',
      url: `${BASE}/surveys`,
      headers: { cookie: organizer },
      payload: { offsetsDays: [0, 182] },
    });
    assert.equal(planned.statusCode, 200, planned.body);
    assert.deepEqual(
      planned.json().waves.map((w: { offsetDays: number }) => w.offsetDays),
      [0, 182],
    );
    const camille = await h.signIn(DEMO_ACCOUNTS.participant);
    assert.equal(
      (
        await h.app.inject({
          method: 'POST',
          url: `${BASE}/surveys`,
          headers: { cookie: camille },
          payload: {},
        })
      ).statusCode,
      403,
    );

    const sent = await h.app.inject({
      method: 'POST',
      url: `${BASE}/surveys/send`,
      headers: { cookie: organizer },
    });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.ok(sent.json().sent > 1);
    const mail = mailsTo(DEMO_ACCOUNTS.participant).find((m) => /advenu de vos rendez-vous/.test(m.subject));
    assert.ok(mail, 'Camille got the survey in French');
    const token = mail.body.match(/survey#([A-Za-z0-9_-]{20,})/)?.[1];
    assert.ok(token, 'the e-mail holds a personal link');

    const page = await h.app.inject({ url: `/api/v1/survey/${token}` });
    assert.equal(page.statusCode, 200, page.body);
    const survey = page.json();
    assert.equal(survey.person.name, 'Camille Roux');
    assert.ok(survey.meetings.length > 0);
    const meeting = survey.meetings[0];
    const bad = await h.app.inject({
      method: 'POST',
      url: `/api/v1/survey/${token}`,
      payload: {
        answers: [{ meetingId: meeting.meetingId, outcome: 'signed', amount: 10, currency: 'XYZ' }],
      },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].field, 'answers.0.currency');
    const answered = await h.app.inject({
      method: 'POST',
      url: `/api/v1/survey/${token}`,
      payload: {
        answers: [
          { meetingId: meeting.meetingId, outcome: 'signed', amount: 80000, currency: 'EUR', jobsActual: 2 },
        ],
      },
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().meetings[0].stage, 'signed');

    const lead = await h.ctx.db.kysely
      .selectFrom('leads as l')
      .innerJoin('lead_meetings as lm', 'lm.lead_id', 'l.id')
      .selectAll('l')
      .where('lm.meeting_id', '=', meeting.meetingId)
      .executeTakeFirstOrThrow();
    assert.equal(lead.stage, 'signed');
    assert.equal(lead.amount, 80000);
    assert.equal(lead.jobs_actual, 2);
    const history = await h.ctx.db.kysely
      .selectFrom('lead_history')
      .selectAll()
      .where('lead_id', '=', lead.id)
      .orderBy('at', 'desc')
      .execute();
    assert.equal(history[0]!.source, 'survey');

    const stats = (await h.app.inject({ url: `${BASE}/surveys`, headers: { cookie: organizer } })).json();
    const wave = stats.waves.find((w: { offsetDays: number }) => w.offsetDays === 0);
    assert.equal(wave.answered, 1);
    assert.equal(wave.responseRate, Math.round((1 / wave.invited) * 1000) / 1000);
    assert.equal(
      stats.waves.find((w: { offsetDays: number }) => w.offsetDays === 182).sentAt,
      null,
      'the 6-month wave waits',
    );
    assert.equal((await h.app.inject({ url: '/api/v1/survey/not-a-real-token-0000000000' })).statusCode, 404);
  });

  test('a week later, those who did not answer get one reminder with a new link; those who did, none', async () => {
    const inAWeek = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
    const before = smtp.inbox.length;
    const r = await sendDueSurveys(h.ctx, inAWeek);
    assert.ok(r.reminded > 0);
    const reminders = smtp.inbox.slice(before).map((m) => ({ to: m.to, ...readMail(m.data) }));
    assert.ok(reminders.every((m) => /^(Rappel|Reminder)/.test(m.subject)));
    assert.ok(
      !reminders.some((m) => m.to.includes(DEMO_ACCOUNTS.participant)),
      'Camille answered: no reminder',
    );
    assert.equal((await sendDueSurveys(h.ctx, inAWeek)).reminded, 0, 'one reminder only');
  });
});
