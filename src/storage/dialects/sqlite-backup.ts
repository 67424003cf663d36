/**
 * Backups of an SQLite database file with SQLite's online backup API
 * (better-sqlite3's `backup()`): the copy is consistent even while the
 * site is serving and writing, which copying the file (and its `-wal`)
 * is not.
 */
import BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../lib/errors.js';

/**
 * Copies the SQLite database `file` to `destination` (a new file), page
 * by page; `onProgress` gets the pages copied and the total.
 * @returns the number of pages copied.
 * @throws AppError `DB_OPEN_FAILED` when `file` is not an SQLite database that exists.
 */
export async function backupSqliteFile(
  file: string,
  destination: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<number> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
  } catch (error) {
    throw new AppError(
      'DB_OPEN_FAILED',
      `Cannot open the database file ${file}: ${error instanceof Error ? error.message : String(error)}.`,
      { cause: error },
    );
  }
  try {
    const result = await sqlite.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(totalPages - remainingPages, totalPages);
        return 1000; // pages per step: other connections may write between steps
      },
    });
    return result.totalPages;
  } finally {
    sqlite.close();
  }
}
