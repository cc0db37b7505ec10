import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sendDigests } from '../src/services/notifications/notify.service.ts';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';
import { personOf, RETURN, strangersOf } from './support/meetings.ts';
import { readMail, startSmtp } from './support/smtp.ts';

describe('meeting notifications over a real SMTP conversation', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: Harness;

  before(async () => {
    smtp = await startSmtp();
    const [sqlite] = await testDialects();
    h = await startHarness(await sqlite!.create(), { env: { SMTP_URL: smtp.url } });
  });
  after(async () => {
    await h?.close();
    await smtp.close();
  });

  const mailsTo = (email: string) =>
    smtp.inbox.filter((m) => m.to.includes(email)).map((m) => readMail(m.data));

  /** Signs a participant in through the link that arrived by SMTP. */
  async function signInByMail(email: string): Promise<string> {
    await h.app.inject({ method: 'POST', url: '/api/v1/session/link', payload: { email } });
    const token = mailsTo(email)
      .at(-1)
      ?.body.match(/sign-in\/link#([A-Za-z0-9_-]{20,})/)?.[1];
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/link/consume',
      payload: { token },
    });
    assert.equal(res.statusCode, 200, res.body);
    return `escale_session=${res.cookies.find((c) => c.name === 'escale_session')?.value}`;
  }

  test('a request reaches the counterpart in English, the answer reaches the requester in French', async () => {
    const camille = await h.signIn(DEMO_ACCOUNTS.participant);
    const camilleId = (await personOf(h, 'miami-marseille-2027', DEMO_ACCOUNTS.participant)).id;
    const [them] = await strangersOf(h, 'miami-marseille-2027', camilleId, 'delegation');
    const language = await h.ctx.db.kysely
      .selectFrom('people')
      .select('language')
      .where('id', '=', them!.id)
      .executeTakeFirstOrThrow();
    assert.equal(language.language, 'en');
    const theirCookie = await signInByMail(them!.email);
    const req = await h.app.inject({
      method: 'POST',
      url: `${RETURN}/requests`,
      headers: { cookie: camille },
      payload: { recipientPersonId: them!.id, message: 'Parlons de télésurveillance' },
    });
    assert.equal(req.statusCode, 201, req.body);
    const received = mailsTo(them!.email).find((m) => m.subject.startsWith('New meeting request'));
    assert.ok(received, 'the counterpart got the request by e-mail');
    assert.match(received.body, /Camille Roux \(Calanques MedTech\) asks you for a meeting/);
    assert.match(received.body, /Parlons de télésurveillance/);
    await h.app.inject({
      method: 'POST',
      url: `${RETURN}/requests/${req.json().id}/accept`,
      headers: { cookie: theirCookie },
    });
    const answer = mailsTo(DEMO_ACCOUNTS.participant).find((m) =>
      m.subject.startsWith('Rendez-vous accepté'),
    );
    assert.ok(answer, 'the requester got the answer in French');
    assert.match(answer.body, /a accepté votre demande de rendez-vous/);
  });

  test('a daily digest holds the notifications back and sends them in one e-mail', async () => {
    const camille = await h.signIn(DEMO_ACCOUNTS.participant);
    const set = await h.app.inject({
      method: 'PUT',
      url: `${RETURN}/me/notifications`,
      headers: { cookie: camille },
      payload: { mode: 'daily' },
    });
    assert.equal(set.statusCode, 200);
    const bad = await h.app.inject({
      method: 'PUT',
      url: `${RETURN}/me/notifications`,
      headers: { cookie: camille },
      payload: { mode: 'hourly' },
    });
    assert.equal(bad.statusCode, 400);
    const camilleId = (await personOf(h, 'miami-marseille-2027', DEMO_ACCOUNTS.participant)).id;
    const senders = (await strangersOf(h, 'miami-marseille-2027', camilleId, 'delegation')).slice(0, 2);
    const before = mailsTo(DEMO_ACCOUNTS.participant).length;
    for (const s of senders) {
      const cookie = await signInByMail(s.email);
      const res = await h.app.inject({
        method: 'POST',
        url: `${RETURN}/requests`,
        headers: { cookie },
        payload: { recipientPersonId: camilleId },
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    assert.equal(mailsTo(DEMO_ACCOUNTS.participant).length, before, 'nothing sent at once');
    assert.ok((await sendDigests(h.ctx)) >= 1);
    const digest = mailsTo(DEMO_ACCOUNTS.participant).at(-1)!;
    assert.match(digest.subject, /^Vos nouvelles/);
    assert.equal(digest.body.match(/vous demande un rendez-vous/g)?.length, 2);
    assert.equal(await sendDigests(h.ctx), 0, 'each notification is sent once');
  });
});
