/**
 * `midad serve` on a disk that fills up while it runs: a tmpfs of 16 MiB,
 * filled with a file once the server listens. 300 readers' beacons are
 * answered, the stop cannot write them (SQLITE_FULL, logged as such), they
 * go to the spool, and the next start, once the disk has room, adds all
 * 300.
 *
 * Mounting needs root (CAP_SYS_ADMIN): where it is refused the test prints
 * `SKIPPING full-disk test` and shows as skipped, except under CI=true,
 * where it fails.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ArticleId } from '../../src/domain/article-id.js';
import { openDatabase } from '../../src/storage/database.js';
import { findViewCount } from '../../src/storage/repositories/article-views.repository.js';
import { startServe, stopServe } from '../helpers/serve-process.js';
import { BROWSER, SEED_ID } from '../helpers/site.js';

const folder = mkdtempSync(join(tmpdir(), 'midad-full-disk-'));

/** Mounts a 16 MiB tmpfs on `folder`; null when done, else why it cannot be. */
function mountTmpfs(): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', folder], { stdio: 'pipe' });
    return null;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return `cannot mount a tmpfs on ${folder}: ${stderr || (error as Error).message}`;
  }
}

const problem = mountTmpfs();
if (problem !== null) {
  if (process.env.CI === 'true') throw new Error(`${problem} (CI must run the full-disk test)`);
  console.warn(`SKIPPING full-disk test: ${problem}`);
}

afterAll(() => {
  if (problem === null) execFileSync('umount', [folder]);
  rmSync(folder, { recursive: true, force: true });
});

/** Writes zeros into `file` until the file system refuses (ENOSPC). */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      try {
        writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
        // Then the last few bytes that a 64 KiB chunk does not fit in.
        try {
          for (;;) writeSync(fd, chunk, 0, 512);
        } catch {
          return;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe.skipIf(problem !== null)('midad serve on a full disk', () => {
  it('keeps the 300 views that a full disk refuses at the stop, and adds them at the next start', async () => {
    const dbFile = join(folder, 'midad.db');
    const env = { MIDAD_VIEW_BEACONS_PER_MINUTE: '1000', MIDAD_MEDIA_DIR: join(folder, 'media') };
    const server = await startServe(['--db', dbFile], env);
    const filler = join(folder, 'filler');
    fillDisk(filler);
    expect(execFileSync('df', ['--output=avail', folder]).toString()).toMatch(/\n\s*0\n$/);

    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const headers = { 'user-agent': `${BROWSER} reader/${i}` };
      const res = await fetch(`${server.origin}/views/${SEED_ID}`, {
        method: 'POST',
        headers,
      }).catch((error: unknown) => {
        // A server gone is a failure to explain: say what it printed.
        throw new Error(`beacon ${i} failed; the server printed:\n${server.output()}`, {
          cause: error,
        });
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual(Array(300).fill(204));
    expect(await stopServe(server)).toBe(0);

    const log = server.output();
    expect(log).toContain('"code":"SQLITE_FULL"');
    expect(log).not.toContain('cannot rollback');
    expect(log).toContain('"spooled":300');
    const spool = `${dbFile}.views-spool.jsonl`;
    expect(readFileSync(spool, 'utf8')).toContain(`[["${SEED_ID}",300]]`);

    rmSync(filler);
    const again = await startServe(['--db', dbFile], env);
    expect(again.output()).toContain(`added 300 views kept in ${spool}`);
    expect(await stopServe(again)).toBe(0);
    expect(existsSync(spool)).toBe(false);
    const database = await openDatabase({ file: dbFile });
    try {
      expect(await findViewCount(database.db, SEED_ID as ArticleId)).toBe(236 + 300);
    } finally {
      await database.close();
    }
  });
});
