import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';
import { reachWarnings, startWarnings, workerWarnings } from './warnings.js';

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
