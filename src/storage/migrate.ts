/**
 * Runs the pending migrations, in order, each in its own transaction.
 */
import { Migrator } from 'kysely';
import { AppError } from '../lib/errors.js';
import type { Database } from './dialects/dialect.js';
import { migrations } from './migrations/index.js';

/** Names of the migrations that this call applied (empty when up to date). */
export type AppliedMigrations = string[];

/**
 * Brings the schema up to date.
 * @throws AppError `MIGRATION_FAILED` naming the migration that failed; the
 *   ones before it stay applied, the failing one is rolled back.
 */
export async function migrateToLatest(database: Database): Promise<AppliedMigrations> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new AppError('MIGRATION_FAILED', `Database migration ${failed} failed.`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
