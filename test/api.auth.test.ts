import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { testDialects } from './support/dialects.ts';
import { DEMO_ACCOUNTS, type Harness, startHarness } from './support/harness.ts';

const PUBLIC_ROUTES = new Set([
  'GET /api/health',
  'POST /api/v1/session',
  'POST /api/v1/session/link',
  'POST /api/v1/session/link/consume',
  'GET /api/v1/public/missions/{slug}',
  // The secret in the address is the credential: a check-in code printed at the table, a calendar token.
  'GET /api/v1/check-in/{code}',
  'POST /api/v1/check-in/{code}',
  'GET /api/v1/calendar/{file}',
  'GET /api/v1/survey/{token}',
  'POST /api/v1/survey/{token}',
]);

for (const dialect of await testDialects()) {
  describe(`accounts and sessions on ${dialect.name}`, { skip: dialect.skip }, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(await dialect.create());
    });
    after(() => h?.close());

    test('anonymous callers get 401 on every route but health, sign-in and the public mission page', async () => {
      const doc = (await h.app.inject({ url: '/api/docs/json' })).json() as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path })),
      );
      assert.ok(
        routes.length >= 14,
        `expected the API's routes in the OpenAPI document, got ${routes.length}`,
      );
      for (const { method, path } of routes) {
        if (PUBLIC_ROUTES.has(`${method} ${path}`)) continue;
        const url = path
          .replace('{slug}', 'marseille-miami-2026')
          .replace(/\{[A-Za-z]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await h.app.inject({
          method: method as 'GET',
          url,
          ...(method !== 'GET' && method !== 'DELETE' && { payload: {} }),
        });
        assert.equal(res.statusCode, 401, `${method} ${path} answered ${res.statusCode}: ${res.body}`);
        assert.equal(res.json().error.code, 'unauthenticated');
      }
      const pub = await h.app.inject({ url: '/api/v1/public/missions/marseille-miami-2026' });
      assert.equal(pub.statusCode, 200);
      assert.equal(pub.json().host.name, 'Miami-Dade');
    });

    test('signs in with a password, reads the session, and signs out for good', async () => {
      const cookie = await h.signIn(DEMO_ACCOUNTS.organizer);
      const me = await h.app.inject({ url: '/api/v1/session', headers: { cookie } });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.email, DEMO_ACCOUNTS.organizer);
      assert.equal(Object.values(me.json().user.missions).filter((r) => r === 'organizer').length, 3);
      const out = await h.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
      assert.equal(out.statusCode, 204);
      const again = await h.app.inject({ url: '/api/v1/session', headers: { cookie } });
      assert.equal(again.statusCode, 401);
    });

    test('sets an httpOnly, SameSite session cookie and stores only its hash', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: DEMO_ACCOUNTS.official, password: 'escale-demo-2026' },
      });
      const cookie = res.cookies.find((c) => c.name === 'escale_session');
      assert.ok(cookie);
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const stored = await h.ctx.db.kysely.selectFrom('sessions').select('id').execute();
      assert.ok(stored.length > 0);
      assert.ok(stored.every((s) => s.id !== cookie.value));
    });

    test('refuses a wrong password and an unknown e-mail alike', async () => {
      for (const payload of [
        { email: DEMO_ACCOUNTS.organizer, password: 'not-the-password' },
        { email: 'nobody@nowhere.example', password: 'whatever-it-is' },
      ]) {
        const res = await h.app.inject({ method: 'POST', url: '/api/v1/session', payload });
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.code, 'invalid_credentials');
      }
    });

    test('rate-limits repeated sign-in attempts', async () => {
      const payload = { email: 'target@nowhere.example', password: 'guess-guess' };
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        codes.push((await h.app.inject({ method: 'POST', url: '/api/v1/session', payload })).statusCode);
      }
      assert.deepEqual(codes.slice(0, 10), Array(10).fill(401));
      assert.equal(codes[11], 429);
    });

    test('an e-mailed sign-in link works once, for an imported participant with no password', async () => {
      const email = 'theo.marchetti@luminy-immunotherapeutics.example';
      const cookie = await h.signInByLink(email);
      const me = await h.app.inject({ url: '/api/v1/session', headers: { cookie } });
      assert.equal(me.json().user.email, email);
      assert.ok(me.json().user.organizationId);
      const message = await h.ctx.db.kysely
        .selectFrom('outbox')
        .select('body')
        .where('recipient', '=', email)
        .executeTakeFirstOrThrow();
      const token = message.body.match(/#([A-Za-z0-9_-]{20,})/)?.[1];
      const reuse = await h.app.inject({
        method: 'POST',
        url: '/api/v1/session/link/consume',
        payload: { token },
      });
      assert.equal(reuse.statusCode, 401);
    });

    test('asking a link for an unknown address answers the same and sends nothing', async () => {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/session/link',
        payload: { email: 'ghost@nowhere.example' },
      });
      assert.equal(res.statusCode, 202);
      const sent = await h.ctx.db.kysely
        .selectFrom('outbox')
        .select('id')
        .where('recipient', '=', 'ghost@nowhere.example')
        .execute();
      assert.equal(sent.length, 0);
    });

    test('an API token authenticates scripts with a bearer header', async () => {
      const cookie = await h.signIn(DEMO_ACCOUNTS.organizer);
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/v1/tokens',
        headers: { cookie },
        payload: { name: 'nightly export' },
      });
      assert.equal(created.statusCode, 201);
      const { token } = created.json();
      const list = await h.app.inject({
        url: '/api/v1/missions',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().items.length, 3);
      const bad = await h.app.inject({
        url: '/api/v1/missions',
        headers: { authorization: 'Bearer esc_forged' },
      });
      assert.equal(bad.statusCode, 401);
    });

    test('unknown routes answer 404 in the error envelope', async () => {
      const cookie = await h.signIn(DEMO_ACCOUNTS.official);
      const res = await h.app.inject({ url: '/api/v1/nothing-here', headers: { cookie } });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'not_found');
    });
  });
}

describe('unknown failures', () => {
  test('answer 500 with a request id and no internals', async () => {
    const [sqlite] = await testDialects();
    const database = await sqlite!.create();
    const h = await startHarness(database, { demo: false });
    await h.ctx.db.close();
    const res = await h.app.inject({ url: '/api/v1/missions', headers: { cookie: 'escale_session=abc' } });
    assert.equal(res.statusCode, 500);
    const { error } = res.json();
    assert.equal(error.code, 'internal');
    assert.match(error.message, /request req-/);
    assert.doesNotMatch(res.body, /destroyed|kysely|sqlite|at \//i);
    await h.app.close();
    await database.drop();
  });
});
