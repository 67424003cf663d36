/**
 * Lighthouse scores of pages, as Lighthouse's default (mobile, simulated
 * throttling) configuration gives them, with Debian's Chromium started
 * headless in a fresh profile. Runs only where /usr/bin/chromium exists.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/helpers/chromium-flags.js';
import { track } from './server-process.js';

/** How long Chromium may take to open its DevTools port, ms. */
const START_TIMEOUT_MS = 30_000;

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One page's scores, 0–100, and the audits that lost points. */
export interface PageScores {
  scores: Record<Category, number>;
  /** Audits scored below 0.9 in a category that scored below 100: `category: audit id (score)`. */
  failing: string[];
  /** Lighthouse's runtime error or warnings, if any. */
  warnings: string[];
}

/** Starts Chromium with a DevTools port and returns the port and its stop. */
async function startChromium(profile: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(
    CHROMIUM,
    [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    // Its own process group, so that stopping it ends its renderer and GPU processes too.
    { stdio: 'ignore', detached: true },
  );
  track(child);
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  const portFile = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`chromium exited with ${child.exitCode}`);
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) return { port, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error(`chromium opened no DevTools port within ${START_TIMEOUT_MS / 1000} s`);
}

/** Runs Lighthouse on each of `urls`, one after another, in one Chromium. */
export async function measureLighthouse(
  urls: readonly string[],
  scratch: string,
): Promise<Record<string, PageScores>> {
  const profile = mkdtempSync(join(scratch, 'chromium-'));
  const chromium = await startChromium(profile);
  try {
    const results: Record<string, PageScores> = {};
    for (const url of urls) {
      const run = await lighthouse(url, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!run) throw new Error(`lighthouse gave no result for ${url}`);
      const { lhr } = run;
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const failing = CATEGORIES.filter((c) => scores[c] < 100).flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => ({ id: ref.id, score: lhr.audits[ref.id]?.score ?? null }))
          .filter((a) => a.score !== null && a.score < 0.9)
          .map((a) => `${c}: ${a.id} (${a.score?.toFixed(2)})`),
      );
      results[url] = {
        scores,
        failing,
        warnings: [
          ...(lhr.runtimeError ? [lhr.runtimeError.message] : []),
          ...lhr.runWarnings.map(String),
        ],
      };
    }
    return results;
  } finally {
    chromium.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}
