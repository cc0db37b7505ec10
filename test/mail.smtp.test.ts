import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';
import { startSmtp } from './support/smtp.ts';

describe('sign-in links over a real SMTP conversation', () => {
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

  test('the e-mail arrives by SMTP, in French when asked, and its link signs the participant in', async () => {
    const email = 'lea.garnier@massilia-ia-sante.example';
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/link?lang=fr',
      payload: { email },
    });
    assert.equal(res.statusCode, 202);
    assert.equal(smtp.inbox.length, 1);
    const [mail] = smtp.inbox;
    assert.deepEqual(mail!.to, [email]);
    assert.match(mail!.data, /Subject: =\?UTF-8\?Q\?Votre_lien_de_connexion/);
    const body = mail!.data.replace(/=\r?\n/g, '');
    const token = body.match(/sign-in\/link#([A-Za-z0-9_-]{20,})/)?.[1];
    assert.ok(token, 'the e-mail holds a sign-in link');
    const outbox = await h.ctx.db.kysely.selectFrom('outbox').select('id').execute();
    assert.equal(outbox.length, 0, 'with SMTP configured nothing goes to the outbox');
    const signIn = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/link/consume',
      payload: { token },
    });
    assert.equal(signIn.statusCode, 200);
    assert.equal(signIn.json().user.email, email);
  });
});
