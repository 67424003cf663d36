/**
 * `midad backup`: a copy of the database to restore from.
 *
 * SQLite: SQLite's online backup API writes a consistent copy of the live
 * file (storage/dialects/sqlite-backup.ts); restoring is starting the site
 * on that file. PostgreSQL: PostgreSQL's own `pg_dump` in its custom
 * format, restored with `pg_restore` (docs/deploy.md). Neither copies the
 * media folder: back it up beside (or use `midad export`, which has both).
 */
import { spawn } from 'node:child_process';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../lib/errors.js';
import { backupSqliteFile } from '../storage/dialects/sqlite-backup.js';

/** Which database to back up: a PostgreSQL `url`, else the SQLite `file`. */
export interface BackupSource {
  file: string;
  url?: string | undefined;
}

/** The `pg_dump` command for a backup, as argv and as a line to show (password hidden). */
export interface PgDumpCommand {
  argv: string[];
  /** Environment the command needs: `PGPASSWORD` when the URL has a password. */
  env: Record<string, string>;
  /** The command as shown to the operator; the password never appears. */
  display: string;
}

/**
 * The documented PostgreSQL backup: `pg_dump --format=custom --no-owner
 * --file FILE --dbname URL` (the URL without its password, which goes in
 * `PGPASSWORD` so that it is not seen in the process list). Restore with
 * `pg_restore --clean --if-exists --no-owner --dbname URL FILE`.
 */
export function pgDumpCommand(url: string, destination: string): PgDumpCommand {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const argv = [
    'pg_dump',
    '--format=custom',
    '--no-owner',
    '--file',
    destination,
    '--dbname',
    parsed.toString(),
  ];
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return {
    argv,
    env: password === '' ? {} : { PGPASSWORD: password },
    display: `${password === '' ? '' : 'PGPASSWORD=… '}${argv.map(quote).join(' ')}`,
  };
}

/**
 * Backs up SQLite `source.file` to the new file `destination` (written
 * beside it, then renamed: never a partial backup under that name).
 * @returns pages copied.
 * @throws AppError `BACKUP_EXISTS` when `destination` exists, `DB_OPEN_FAILED`.
 */
export async function backupSqlite(
  source: BackupSource,
  destination: string,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  if (await stat(destination).catch(() => null)) {
    throw new AppError('BACKUP_EXISTS', `${destination} exists already; choose another file name.`);
  }
  const partial = join(dirname(resolve(destination)), `.${basename(destination)}.partial`);
  try {
    const pages = await backupSqliteFile(source.file, partial, onProgress);
    onProgress?.(pages, pages);
    await rename(partial, destination);
    return pages;
  } finally {
    await rm(partial, { force: true });
  }
}

/**
 * Runs `pg_dump` (pgDumpCommand) and waits for it.
 * @throws AppError `BACKUP_FAILED` when pg_dump cannot be started or exits non-zero.
 */
export async function runPgDump(command: PgDumpCommand): Promise<void> {
  const [program, ...args] = command.argv;
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(program!, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...command.env },
    });
    child.on('error', fail);
    child.on('exit', (status) => done(status ?? 1));
  }).catch((error: unknown) => {
    throw new AppError(
      'BACKUP_FAILED',
      'pg_dump cannot be started: install the PostgreSQL client tools (e.g. apt-get install postgresql-client).',
      { cause: error },
    );
  });
  if (code !== 0) throw new AppError('BACKUP_FAILED', `pg_dump failed (exit status ${code}).`);
}
