/**
 * The server engine: PostgreSQL through node-postgres (`pg`), a pool of
 * connections per process. Drivers' defaults are kept on purpose: `bigint`
 * (int8) columns and `count(*)` come back as decimal strings, so ids past
 * 2^53 stay exact (repositories/convert.ts reads them); `timestamptz`
 * columns come back as `Date`.
 */
import { Kysely, PostgresDialect } from 'kysely';
import { AppError } from '../../lib/errors.js';
import type { Schema } from '../tables/schema.js';
import type { Database } from './dialect.js';

/** Connections kept open at most per process. */
const POOL_SIZE = 10;
/** How long a connection attempt may take before it fails, ms. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Opens a pool of connections to the PostgreSQL database at `url`
 * (`postgres://user:password@host:5432/name`) and checks that one
 * connection can be made.
 *
 * @throws AppError `DB_OPEN_FAILED` naming the server (never the password)
 *   and the reason: server down, unknown database, refused credentials.
 */
export async function openPostgres(url: string): Promise<Database> {
  // Loaded only on PostgreSQL: an SQLite site never needs the driver.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle connection that the server drops emits `error` on the pool;
  // without a listener that would end the process. The next query gets a
  // fresh connection, or fails with the reason.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new AppError(
      'DB_OPEN_FAILED',
      `Cannot open the PostgreSQL database ${withoutPassword(url)}: ${reasonOf(error)}.`,
      { cause: error },
    );
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

/** `url` with its password replaced by `***`, for messages and logs. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(a malformed URL)';
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'no server answers there (is PostgreSQL running?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name is unknown';
    case '3D000':
      return 'the database does not exist (create it with createdb)';
    case '28P01':
    case '28000':
      return 'the server refused the user name or password';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
