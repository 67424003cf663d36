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
 * test files never see each other's data and may run in parallel. It is a
 * copy of the run's migrated template (postgres-template.ts) when there is
 * one, else migrated anew.
 */
import { describe, inject } from 'vitest';
import { openDatabase, type Database, type DialectName } from '../../src/storage/database.js';
import { admin, postgresProblem, randomName, urlOf } from './postgres-admin.js';

const problem = await postgresProblem();
if (problem !== null) {
  if (process.env.CI === 'true') throw new Error(`${problem} (CI must run the PostgreSQL tests)`);
  console.warn(`SKIPPING PostgreSQL tests: ${problem}`);
}

/** Why the PostgreSQL tests are skipped here, or null when they run. */
export const postgresSkip: string | null = problem;

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

/** A test database, and the URL that reaches it on PostgreSQL (null on SQLite in memory). */
export type TestDatabase = Database & { readonly url: string | null };

/**
 * A new, empty, migrated database of `dialect`: SQLite in memory, or a
 * PostgreSQL database of its own that `close()` drops.
 */
export async function openTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') return { ...(await openDatabase({ file: ':memory:' })), url: null };
  const name = randomName('midad_test');
  const template = inject('postgresTemplate');
  await admin(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = urlOf(name);
  try {
    const database = await openDatabase({ file: '', url });
    return {
      db: database.db,
      dialect: database.dialect,
      url,
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
