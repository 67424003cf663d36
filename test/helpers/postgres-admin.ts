/**
 * The PostgreSQL server of the tests, reached through its `test` database
 * (MIDAD_TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test),
 * where test databases are created and dropped.
 */
import pg from 'pg';

/** The server's database used to create and drop the test databases. */
export const ADMIN_URL =
  process.env.MIDAD_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Runs one statement on the admin database, on a connection of its own. */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or null when it can. */
export async function postgresProblem(): Promise<string | null> {
  try {
    await admin('select 1');
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `no PostgreSQL server answers at ${ADMIN_URL} (${reason}); set MIDAD_TEST_DATABASE_URL or start one`;
  }
}

/** The URL of the database `name` on the same server. */
export function urlOf(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database name: `<prefix>_<16 hex digits>`. */
export function randomName(prefix: string): string {
  return `${prefix}_${[...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
