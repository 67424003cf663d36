/**
 * An export file's identity when it was first read (size and modification
 * time). Readers that go over a file twice (WordPress, Ghost: pass 1 checks
 * and indexes it, pass 2 yields its posts) refuse a file changed between
 * passes, whose index would no longer match its posts.
 */
import { stat } from 'node:fs/promises';
import { AppError } from '../lib/errors.js';

/** The file's identity when it was read: a change between passes is refused. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The file's size and modification time. */
export async function fileStamp(file: string): Promise<FileStamp> {
  const stats = await stat(file);
  return { size: stats.size, mtimeMs: stats.mtimeMs };
}

/**
 * @param what The kind of file, for the message (`WordPress export`).
 * @throws AppError IMPORT_FILE_CHANGED when the file's size or
 *   modification time is no longer `stamp`.
 */
export async function checkStamp(file: string, stamp: FileStamp, what: string): Promise<void> {
  const now = await fileStamp(file);
  if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs) {
    throw new AppError(
      'IMPORT_FILE_CHANGED',
      `The ${what} ${file} changed while it was imported (size ${stamp.size} → ${now.size} bytes); run the import again.`,
    );
  }
}
