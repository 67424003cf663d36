/**
 * The static mirror kept by `midad serve` (MIDAD_MIRROR_DIR, issue 22):
 * the settings checked at start, and the refresh job
 * (services/mirror-refresh.ts) wired to writeMirror, run in a process of
 * its own (serve-mirror-process.ts), and to the push and hook
 * (services/mirror-publish.ts). Run only where the background jobs
 * run (serve-site.ts: the single process, or worker 1 of `--workers N`);
 * every worker's and instance's changes reach it over the change channel.
 */
import type { Config } from '../../config/schema.js';
import { AppError } from '../../lib/errors.js';
import type { ChangeChannel } from '../../services/change-channel.js';
import { readOwnManifest } from '../../services/mirror-manifest.js';
import { checkHookProgram, runProgram, sendMirror } from '../../services/mirror-publish.js';
import { MirrorRefresh, type RefreshLog } from '../../services/mirror-refresh.js';
import { writeMirrorInChild } from './serve-mirror-process.js';
import { checkTarget, runWasCutShort } from '../../web/mirror/write-mirror.js';

/**
 * Checks the mirror's settings that need the file system, before the
 * server listens: MIDAD_MIRROR_DIR can be made and written to, and is
 * empty or holds a mirror (it is made when missing); MIDAD_MIRROR_HOOK is
 * an executable file. (The push destination's form is checked with the
 * other settings, config/schema.ts.) Nothing to check without
 * MIDAD_MIRROR_DIR.
 * @throws AppError `CONFIG_INVALID` naming the setting and what is wrong.
 */
export async function checkMirrorSettings(config: Config): Promise<void> {
  try {
    if (config.mirrorDir === undefined) return;
    await checkTarget(config.mirrorDir);
    if (config.mirrorHook !== undefined) {
      await checkHookProgram(config.mirrorHook, 'MIDAD_MIRROR_HOOK');
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const setting = error.code === 'MIRROR_HOOK_INVALID' ? '' : 'MIDAD_MIRROR_DIR: ';
    throw new AppError('CONFIG_INVALID', `Invalid settings: ${setting}${error.message}`, {
      cause: error,
    });
  }
}

/** What the refresh job is wired to. */
export interface MirrorRefreshWiring {
  /** The settings, which name the database the mirror's process opens. */
  config: Config;
  now: () => Date;
  /** The change channel the app purges on: the job is told the same changes. */
  changes: ChangeChannel;
  log: RefreshLog;
}

/**
 * Starts keeping the mirror in MIDAD_MIRROR_DIR fresh: the job is told
 * every change of `changes`, and a run is asked for at once when the
 * folder holds no mirror yet (a full one) or the last run was cut short
 * (a stop during it: the folder no longer matches its manifest).
 * @returns the job (its `stop()` is the server's to call), or null
 *   without MIDAD_MIRROR_DIR.
 */
export async function startMirrorRefresh(
  wiring: MirrorRefreshWiring,
): Promise<MirrorRefresh | null> {
  const { config, now, changes, log } = wiring;
  const dir = config.mirrorDir;
  if (dir === undefined) return null;
  const sending = {
    ...(config.mirrorPush !== undefined ? { push: config.mirrorPush } : {}),
    ...(config.mirrorHook !== undefined ? { hook: config.mirrorHook } : {}),
  };
  const refresh = new MirrorRefresh({
    // In a process of its own: a run would hold this one's event loop from the readers for minutes.
    write: ({ full }, signal) =>
      writeMirrorInChild(
        { config, outDir: dir, sinceLastRun: !full, startedAt: now().getTime() },
        signal,
      ),
    ...(Object.keys(sending).length > 0
      ? { send: (signal: AbortSignal) => sendMirror(dir, sending, runProgram, signal) }
      : {}),
    delayMs: config.mirrorDelaySeconds * 1000,
    log,
  });
  changes.onChange(refresh.heard);
  // The first run writes everything; a run cut short (a stop during it) is made again.
  if ((await readOwnManifest(dir)) === null) refresh.request({ full: true });
  else if (await runWasCutShort(dir)) refresh.request();
  return refresh;
}
