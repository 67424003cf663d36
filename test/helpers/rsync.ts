/**
 * Debian's rsync, which pushes a mirror to other hosts (MIDAD_MIRROR_PUSH,
 * `midad mirror --push`). Where /usr/bin/rsync is missing the tests that
 * push skip with a visible message, except under CI=true, where they fail.
 */
import { existsSync } from 'node:fs';

export const RSYNC_PATH = '/usr/bin/rsync';

/** True when the rsync tests can run; prints why not, or throws under CI. */
export function rsyncAvailable(): boolean {
  if (existsSync(RSYNC_PATH)) return true;
  const message = `${RSYNC_PATH} is missing: install it with \`apt-get install -y rsync\``;
  if (process.env.CI === 'true') throw new Error(`${message} (CI must run the rsync tests)`);
  console.warn(`SKIPPING rsync tests: ${message}`);
  return false;
}
