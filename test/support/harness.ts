import type { FastifyInstance } from 'fastify';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { silentLogger } from '../../src/services/context.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from '../../src/services/demo/load-demo.ts';
import { openContext } from '../../src/services/open-context.ts';
import type { TestDatabase } from './dialects.ts';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** A real database (SQLite file or PostgreSQL) with the demo loaded, and the HTTP app on it. */
export async function startHarness(
  database: TestDatabase,
  opts: { demo?: boolean; env?: NodeJS.ProcessEnv } = {},
) {
  const config = readConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'http://escale.test', ...opts.env });
  const ctx = await openContext(config, silentLogger);
  if (opts.demo !== false) await loadDemo(ctx);
  const app: FastifyInstance = await buildApp(ctx);
  await app.ready();

  /** Signs in with a password and returns the session cookie header. */
  async function signIn(email: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'escale_session');
    if (!cookie) throw new Error('no session cookie');
    return `escale_session=${cookie.value}`;
  }

  /** Signs in through an e-mailed link read from the outbox, as an imported participant would. */
  async function signInByLink(email: string): Promise<string> {
    await app.inject({ method: 'POST', url: '/api/v1/session/link', payload: { email } });
    const message = await ctx.db.kysely
      .selectFrom('outbox')
      .select('body')
      .where('recipient', '=', email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const token = message.body.match(/#([A-Za-z0-9_-]{20,})/)?.[1];
    const res = await app.inject({ method: 'POST', url: '/api/v1/session/link/consume', payload: { token } });
    if (res.statusCode !== 200) throw new Error(`link sign-in of ${email} failed: ${res.body}`);
    return `escale_session=${res.cookies.find((c) => c.name === 'escale_session')?.value}`;
  }

  return {
    ctx,
    app,
    signIn,
    signInByLink,
    async close() {
      await app.close();
      await ctx.close();
      await database.drop();
    },
  };
}
