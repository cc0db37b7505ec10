import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { testDialects } from './support/dialects.ts';
import { type Harness, startHarness } from './support/harness.ts';

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe('sign-in links over a real SMTP conversation', () => {
  const inbox: Received[] = [];
  let server: SMTPServer;
  let h: Harness;

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString('utf8');
        });
        stream.on('end', () => {
          inbox.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const [sqlite] = await testDialects();
    h = await startHarness(await sqlite!.create(), { env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    await h?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('the e-mail arrives by SMTP, in French when asked, and its link signs the participant in', async () => {
    const email = 'lea.garnier@massilia-ia-sante.example';
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session/link?lang=fr',
      payload: { email },
    });
    assert.equal(res.statusCode, 202);
    assert.equal(inbox.length, 1);
    const [mail] = inbox;
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
