/**
 * MIDAD_DATABASE_READ_URL: the reader site reads from the replica, while
 * the newsroom writes to the primary.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { importDemoContent } from '../../src/importers/demo-content.js';
import { ViewCounter } from '../../src/services/view-counter.js';
import { buildApp } from '../../src/web/app.js';
import { BROWSER, emptyDatabase, NOW, SEED_ID } from '../helpers/site.js';

describe('a read replica', () => {
  it('serves reader pages from the replica and the newsroom from the primary', async () => {
    const primary = await emptyDatabase();
    // Stands for a replica: it holds an article the primary does not.
    const replica = await emptyDatabase();
    await importDemoContent({ database: replica, now: () => NOW });
    const viewCounter = new ViewCounter({ sink: async () => {} });
    const app = await buildApp({
      config: loadConfig({ MIDAD_BASE_URL: 'https://news.example' }),
      database: primary,
      readDatabase: replica,
      viewCounter,
      now: () => NOW,
      logRequests: false,
    });
    try {
      const page = await app.inject({ url: `/a/${SEED_ID}`, headers: { 'user-agent': BROWSER } });
      expect(page.statusCode).toBe(200);
      // The newsroom is on the primary, which has no user yet: it asks for the set-up.
      const newsroom = await app.inject({ url: '/admin/login' });
      expect([newsroom.statusCode, newsroom.headers.location]).toEqual([303, '/admin/setup']);
    } finally {
      await app.close();
      await primary.close();
      await replica.close();
    }
  });

  it('is refused without a primary', () => {
    expect(() =>
      loadConfig({ MIDAD_DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:5432/replica' }),
    ).toThrow(
      'Invalid settings: MIDAD_DATABASE_READ_URL: a replica of PostgreSQL needs MIDAD_DATABASE_URL too',
    );
  });
});
