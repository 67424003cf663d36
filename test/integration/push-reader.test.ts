/**
 * The reader side of web push over HTTP (issue 20): the service worker at
 * /sw.js (JavaScript, revalidated on every fetch, with the site's security
 * headers), the notification icons at fixed paths (192 and 512 px PNG),
 * push.js and the offer's template on article pages only, the footer
 * link, and the alerts page (/alerts) listing the site's sections.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSection } from '../../src/services/taxonomy.js';
import type { DialectName } from '../../src/storage/database.js';
import { listSectionNames } from '../../src/storage/repositories/sections.repository.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { createStaff } from '../helpers/newsroom.js';
import { BROWSER, NOW, SEED_ID, testSite, type TestSite } from '../helpers/site.js';

describeEachDialect((dialect: DialectName) => {
  let site: TestSite;
  const get = (url: string) => site.app.inject({ url, headers: { 'user-agent': BROWSER } });

  beforeAll(async () => {
    site = await testSite({}, { dialect });
    const staff = await createStaff(site.database, () => NOW);
    const deps = { database: site.database, now: () => NOW };
    await createSection(deps, staff.administrator, 'سياسة');
    await createSection(deps, staff.administrator, 'اقتصاد');
  });
  afterAll(() => site?.close());

  it('serves the service worker at /sw.js as JavaScript, revalidated each time, with the security headers', async () => {
    const response = await get('/sw.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['service-worker-allowed']).toBeUndefined();
    expect(response.body).toContain("addEventListener('push'");
    expect(response.body).toContain("addEventListener('notificationclick'");
    // No fetch handler: pages never pass through the worker.
    expect(response.body).not.toContain("addEventListener('fetch'");
  });

  it.each([
    ['/assets/icon-192.png', 192],
    ['/assets/icon-512.png', 512],
  ])('serves the notification icon %s as a small square PNG of %i px', async (path, size) => {
    const response = await get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    const meta = await sharp(response.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', size, size]);
    expect(response.rawPayload.length).toBeLessThan(8_000);
  });

  it('puts push.js and the offer template on article pages, not on the home page', async () => {
    const article = await get(`/a/${SEED_ID}`);
    const html =
      article.statusCode === 200
        ? article.body
        : (await get(article.headers.location as string)).body;
    const script = /<script src="(\/assets\/push\.[0-9a-f]{10}\.js)" defer><\/script>/.exec(html);
    expect(script).not.toBeNull();
    expect(html).toContain(`<template id="push-offer" data-article="${SEED_ID}"`);
    expect(html).toContain('data-msg-denied="لم يأذن المتصفح بالتنبيهات.');
    expect(html).toContain('<a class="push-offer__more" href="/alerts">اختيارات أخرى</a>');

    const pushJs = await get(script?.[1] as string);
    expect(pushJs.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(pushJs.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const home = await get('/');
    expect(home.body).not.toContain('/assets/push.');
    expect(home.body).not.toContain('push-offer');
    expect(home.body).toContain('<a href="/alerts">التنبيهات</a>');
  });

  it('shows the alerts page with breaking news checked and every section to choose', async () => {
    const response = await get('/alerts');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toContain('<h1 class="page-title">التنبيهات</h1>');
    expect(html).toContain('<input type="checkbox" name="breaking" value="1" checked/>');
    const sections = await listSectionNames(site.database.db);
    const boxes = [...html.matchAll(/name="section" value="(\d+)"\/> <bdi>([^<]+)<\/bdi>/g)].map(
      (m) => [m[1], m[2]],
    );
    expect(boxes).toEqual(sections.map((s) => [s.id, s.name]));
    expect(boxes.map((b) => b[1])).toEqual(['اقتصاد', 'سياسة']);
    expect(html).toContain('data-msg-on="التنبيهات مفعّلة على هذا الجهاز."');
    expect(html).toMatch(/<script src="\/assets\/push\.[0-9a-f]{10}\.js" defer><\/script>/);
    expect(html).toContain(
      '<p class="alerts-push__no-js">تحتاج تنبيهات المتصفح إلى تشغيل JavaScript في متصفحك.</p>',
    );
  });
});
