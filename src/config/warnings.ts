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
