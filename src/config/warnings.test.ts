import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import {
  mallocWarnings,
  reachWarnings,
  runsOnGlibc,
  startWarnings,
  workerWarnings,
} from './warnings.js';

describe('startWarnings', () => {
  it('warns in production when MIDAD_BASE_URL is unset, naming the hosts answered', () => {
    expect(startWarnings(loadConfig({}), { NODE_ENV: 'production' })).toEqual([
      "MIDAD_BASE_URL is unset: links in pages, feeds and sitemaps are made from each request's Host, and only the listen address and localhost (MIDAD_ALLOWED_HOSTS is unset) are answered; other hosts get 400. Set MIDAD_BASE_URL to the public origin, such as https://news.example.",
    ]);
    const listed = loadConfig({ MIDAD_ALLOWED_HOSTS: 'news.example,www.news.example' });
    expect(startWarnings(listed, { NODE_ENV: 'production' })[0]).toContain(
      'only MIDAD_ALLOWED_HOSTS (news.example, www.news.example) are answered',
    );
  });

  it('says nothing with a base URL, or outside production', () => {
    const withBase = loadConfig({ MIDAD_BASE_URL: 'https://news.example' });
    expect(startWarnings(withBase, { NODE_ENV: 'production' })).toEqual([]);
    expect(startWarnings(loadConfig({}), {})).toEqual([]);
    expect(startWarnings(loadConfig({}), { NODE_ENV: 'development' })).toEqual([]);
  });
});

describe('reachWarnings', () => {
  it('warns when a reader channel is set up without MIDAD_BASE_URL, naming the origin used', () => {
    expect(reachWarnings(loadConfig({ PORT: '8080' }), ['push', 'telegram'])).toEqual([
      'MIDAD_BASE_URL is unset: links in push notifications, Telegram posts are made with http://127.0.0.1:8080, which readers cannot open. Set MIDAD_BASE_URL to the public origin, such as https://news.example.',
    ]);
  });

  it('says nothing with a base URL or with no channel set up', () => {
    const withBase = loadConfig({ MIDAD_BASE_URL: 'https://news.example' });
    expect(reachWarnings(withBase, ['push', 'email'])).toEqual([]);
    expect(reachWarnings(loadConfig({}), [])).toEqual([]);
  });
});

describe('workerWarnings', () => {
  it('warns when there are more workers than cores, and not otherwise', () => {
    expect(workerWarnings(loadConfig({ MIDAD_WORKERS: '4' }), 2)).toEqual([
      'MIDAD_WORKERS is 4, more than the 2 cores this process may use: the extra workers take turns on the same cores and each holds its own memory and page cache. One worker per core is enough.',
    ]);
    expect(workerWarnings(loadConfig({ MIDAD_WORKERS: '2' }), 2)).toEqual([]);
    expect(workerWarnings(loadConfig({}), 1)).toEqual([]);
  });
});

describe('mallocWarnings', () => {
  it('warns a production server on glibc without MALLOC_ARENA_MAX, saying how to set it', () => {
    expect(mallocWarnings({ NODE_ENV: 'production' }, true)).toEqual([
      "MALLOC_ARENA_MAX is unset: glibc gives each thread a memory arena of its own and keeps what they freed (some 15 MiB more at rest). Set MALLOC_ARENA_MAX=2 in the service's environment (systemd: Environment=MALLOC_ARENA_MAX=2); npm start sets it.",
    ]);
  });

  it('says nothing when it is set, outside production, or off glibc', () => {
    expect(mallocWarnings({ NODE_ENV: 'production', MALLOC_ARENA_MAX: '4' }, true)).toEqual([]);
    expect(mallocWarnings({}, true)).toEqual([]);
    expect(mallocWarnings({ NODE_ENV: 'production' }, false)).toEqual([]);
  });

  it('is kept true by npm start, which sets MALLOC_ARENA_MAX=2 unless it is set already', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      scripts: { start: string };
    };
    // The start script as npm runs it (sh -c), its server swapped for a node that prints the setting.
    const script = pkg.scripts.start.replace(
      'exec node bin/midad.js serve',
      'exec node -p process.env.MALLOC_ARENA_MAX',
    );
    const run = (env: NodeJS.ProcessEnv) =>
      execFileSync('sh', ['-c', script], { env, encoding: 'utf8' }).trim();
    const { MALLOC_ARENA_MAX: _unset, ...env } = process.env;
    expect(script).not.toBe(pkg.scripts.start);
    expect(run(env)).toBe('2');
    expect(run({ ...env, MALLOC_ARENA_MAX: '4' })).toBe('4');
  });

  it('finds glibc under Node on Debian, where the tests run', () => {
    expect(runsOnGlibc()).toBe(true);
  });
});
