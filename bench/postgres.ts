/**
 * A scratch PostgreSQL database for the bench, on the server of
 * MIDAD_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test,
 * the server the tests use), made through that database and dropped after.
 */
import pg from 'pg';

/** The server's database through which the scratch one is made. */
export const BENCH_POSTGRES_URL =
  process.env.MIDAD_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function run(statement: string): Promise<void> {
  const client = new pg.Client({
    connectionString: BENCH_POSTGRES_URL,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A new empty database, or null (with the reason) when no server answers.
 * @returns its URL and the function that drops it.
 */
export async function scratchPostgres(): Promise<
  { url: string; drop: () => Promise<void> } | { problem: string }
> {
  const name = `midad_bench_${Date.now().toString(36)}`;
  try {
    await run(`create database ${name}`);
  } catch (error) {
    return { problem: `no PostgreSQL at ${BENCH_POSTGRES_URL}: ${(error as Error).message}` };
  }
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
