/**
 * The database engines that the storage, search and site tests run on:
 * SQLite always; PostgreSQL when a server answers at
 * MIDAD_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 * Where none answers, the PostgreSQL suites print `SKIPPING PostgreSQL
 * tests` and show as skipped, except under CI=true, where they fail: CI
 * must run everything.
 *
 * Every PostgreSQL test database is new (`midad_test_<random>`, created
 * through the server's `test` database and dropped on close), so runs and
 * test files never see each other's data and may run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type Database, type DialectName } from '../../src/storage/database.js';

/** The server's database used to create and drop the test databases. */
export const ADMIN_URL =
  process.env.MIDAD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs one statement on the admin database, on a connection of its own. */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or null when it can. */
async function postgresProblem(): Promise<string | null> {
  try {
    await admin('select 1');
    return null;
  } catch (error) {
    return `no PostgreSQL server answers at ${ADMIN_URL} (${error instanceof Error ? error.message : String(error)}); set MIDAD_TEST_DATABASE_URL or start one`;
  }
}

const problem = await postgresProblem();
if (problem !== null) {
  if (process.env.CI === 'true') throw new Error(`${problem} (CI must run the PostgreSQL tests)`);
  console.warn(`SKIPPING PostgreSQL tests: ${problem}`);
}

/** Every dialect, and whether its tests can run here. */
export const DIALECTS: ReadonlyArray<{ dialect: DialectName; available: boolean }> = [
  { dialect: 'sqlite', available: true },
  { dialect: 'postgres', available: problem === null },
];

/**
 * Declares the suite `body` once per dialect, as `describe('<dialect>')`;
 * the PostgreSQL one is skipped (and shown so) when no server answers.
 *
 * @example describeEachDialect((dialect) => { it('…', async () => { … }); });
 */
export function describeEachDialect(body: (dialect: DialectName) => void): void {
  for (const { dialect, available } of DIALECTS) {
    describe.skipIf(!available)(dialect, () => body(dialect));
  }
}

/**
 * A new, empty, migrated database of `dialect`: SQLite in memory, or a
 * PostgreSQL database of its own that `close()` drops.
 */
export async function openTestDatabase(dialect: DialectName): Promise<Database> {
  if (dialect === 'sqlite') return openDatabase({ file: ':memory:' });
  const name = `midad_test_${randomBytes(8).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    const database = await openDatabase({ file: '', url: url.toString() });
    return {
      db: database.db,
      dialect: database.dialect,
      async close() {
        await database.close();
        await admin(`drop database if exists ${name} with (force)`);
      },
    };
  } catch (error) {
    await admin(`drop database if exists ${name} with (force)`);
    throw error;
  }
}
