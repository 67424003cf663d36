/**
 * Settings that are valid but unwise where they are used: `midad serve`
 * logs each at `warn` when it starts.
 */
import { publicOrigin } from './public-origin.js';
import type { Config } from './schema.js';

/**
 * The warnings for `config` in the environment `env` (NODE_ENV): in
 * production, a missing MIDAD_BASE_URL, since links are then made from
 * each request's Host and only the allowed hosts are answered (a forged
 * Host gets 400, but a real name not listed does too).
 *
 * @returns whole sentences, none when all is well.
 */
export function startWarnings(
  config: Pick<Config, 'baseUrl' | 'allowedHosts'>,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  if (env.NODE_ENV !== 'production' || config.baseUrl !== undefined) return [];
  const allowed =
    config.allowedHosts === undefined
      ? 'the listen address and localhost (MIDAD_ALLOWED_HOSTS is unset)'
      : `MIDAD_ALLOWED_HOSTS (${config.allowedHosts.join(', ')})`;
  return [
    `MIDAD_BASE_URL is unset: links in pages, feeds and sitemaps are made from each request's Host, and only ${allowed} are answered; other hosts get 400. Set MIDAD_BASE_URL to the public origin, such as https://news.example.`,
  ];
}

/** A channel that reaches readers outside the site (issue 20). */
export type ReachChannelName = 'push' | 'email' | 'telegram';

const CHANNEL_WORDS: Record<ReachChannelName, string> = {
  push: 'push notifications',
  email: 'newsletters',
  telegram: 'Telegram posts',
};

/**
 * The warning when channels that link to the site from outside a request
 * (`channels`: push notifications, mails, Telegram posts) are set up but
 * MIDAD_BASE_URL is unset: their links then use the listen address
 * (config/public-origin.ts), which readers cannot open.
 * @returns one sentence, or none.
 */
export function reachWarnings(
  config: Pick<Config, 'baseUrl' | 'host' | 'port'>,
  channels: readonly ReachChannelName[],
): string[] {
  if (config.baseUrl !== undefined || channels.length === 0) return [];
  const what = channels.map((c) => CHANNEL_WORDS[c]).join(', ');
  return [
    `MIDAD_BASE_URL is unset: links in ${what} are made with ${publicOrigin(config)}, which readers cannot open. Set MIDAD_BASE_URL to the public origin, such as https://news.example.`,
  ];
}

/**
 * The warning when `midad serve` would run more workers than the machine
 * has cores (`cores`: os.availableParallelism()): the extra processes only
 * take turns on the same cores, each with its own memory and page cache.
 * @returns one sentence, or none.
 */
export function workerWarnings(config: Pick<Config, 'workers'>, cores: number): string[] {
  if (config.workers <= cores) return [];
  return [
    `MIDAD_WORKERS is ${config.workers}, more than the ${cores} cores this process may use: the extra workers take turns on the same cores and each holds its own memory and page cache. One worker per core is enough.`,
  ];
}

/** The arenas `midad serve` is meant to run with (MALLOC_ARENA_MAX), and why: see mallocWarnings. */
export const MALLOC_ARENA_MAX = 2;

/**
 * The warning when a production server runs on glibc without
 * MALLOC_ARENA_MAX in its environment. glibc's malloc gives each thread
 * that allocates an arena of its own, up to 8 per core (mallopt(3)), and
 * keeps what they freed: libuv's thread pool (compression off the event
 * loop, file work) and V8's helper threads held 11 arenas and 18–20 MiB
 * after the bench's runs on 100,000 articles, 1 arena and 5 MiB with
 * MALLOC_ARENA_MAX=2, and the server 16 MiB less at rest after them
 * (bench/memory.ts, issue 21 item 5). glibc reads it when the process
 * starts, so the server cannot set it for itself: `npm start` does,
 * a service must (docs/deploy.md).
 * @param glibc whether this process runs on glibc (musl and other systems have no such arenas).
 * @returns one sentence, or none.
 */
export function mallocWarnings(
  env: Readonly<Record<string, string | undefined>>,
  glibc: boolean,
): string[] {
  if (env.NODE_ENV !== 'production' || !glibc || env.MALLOC_ARENA_MAX !== undefined) return [];
  return [
    `MALLOC_ARENA_MAX is unset: glibc gives each thread a memory arena of its own and keeps what they freed (some 15 MiB more at rest). Set MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX} in the service's environment (systemd: Environment=MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX}); npm start sets it.`,
  ];
}

/** Whether this process runs on glibc: its version is in Node's diagnostic report header. */
export function runsOnGlibc(): boolean {
  const header = (process.report.getReport() as { header?: { glibcVersionRuntime?: string } })
    .header;
  return typeof header?.glibcVersionRuntime === 'string';
}
