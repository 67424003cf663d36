/**
 * Temporary folders for tests: a new empty folder under os.tmpdir() (so
 * TMPDIR moves them) that is removed, with everything in it, when the test
 * that made it ends, pass or fail. A run leaves nothing behind in the
 * temporary folder, which the machine's other runs share.
 */
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/**
 * A new folder `midad-<name>-XXXXXX` for the running test (call it in the
 * test or in a beforeEach), removed when the test ends: after its
 * afterEach hooks, so the database or server they close has let go of its
 * files first.
 *
 * @example const dbFile = join(testFolder('cli'), 'site.db');
 */
export function testFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `midad-${name}-`));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}
