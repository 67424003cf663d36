/**
 * Settings that are valid but unwise where they are used: `midad serve`
 * logs each at `warn` when it starts.
 */
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
