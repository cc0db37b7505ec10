import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where the integration suite finds PostgreSQL; CI sets it, a laptop may have none. */
const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const isCi = process.env.CI === 'true';

export interface TestDatabase {
  dialect: 'sqlite' | 'postgres';
  url: string;
  drop(): Promise<void>;
}

let postgresReachable: Promise<boolean> | undefined;
function checkPostgres(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresReachable;
}

async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `escale_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect: 'postgres',
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function createSqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'escale-test-'));
  return {
    dialect: 'sqlite',
    url: join(dir, 'escale.db'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * The dialects an integration test runs on: SQLite always, PostgreSQL when it answers.
 * In CI PostgreSQL is mandatory: an unreachable server fails the run instead of skipping.
 */
export async function testDialects(): Promise<
  { name: 'sqlite' | 'postgres'; skip: string | false; create(): Promise<TestDatabase> }[]
> {
  const hasPostgres = await checkPostgres();
  if (!hasPostgres && isCi)
    throw new Error(`PostgreSQL is required in CI but does not answer at ${ADMIN_URL}`);
  return [
    { name: 'sqlite', skip: false, create: async () => createSqliteDatabase() },
    {
      name: 'postgres',
      skip: hasPostgres
        ? false
        : `PostgreSQL does not answer at ${ADMIN_URL}; set TEST_DATABASE_URL to run these tests`,
      create: createPostgresDatabase,
    },
  ];
}
