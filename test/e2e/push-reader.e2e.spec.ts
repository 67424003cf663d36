/**
 * Breaking-news push, the reader's side, in real Chromium (issue 20): the
 * polite offer (never on a first page view; on the SECOND article read;
 * «لاحقاً» keeps it away for 30 days; the permission asked only after
 * «نعم، أريدها»), the subscription POSTed exactly as the plan's API says,
 * the service worker showing a pushed notification in Arabic, right to
 * left, with the site icon, and opening the article on a click; the
 * alerts page (/alerts) turning notifications off. Screenshots at a
 * phone's and a desktop's size, light and dark.
 *
 * What is real and what is not: the service worker (/sw.js, registered
 * by push.js), the notification permission (granted to the context as a
 * reader's "Allow" would), the push event (CDP
 * ServiceWorker.deliverPushMessage, the browser's own push path from there
 * on), the notifications (registration.getNotifications()), the page's
 * requests. Not real: pushManager.subscribe, replaced by an init script
 * (test/helpers/browser-push.ts) that makes a real P-256 key pair and auth
 * secret with WebCrypto, because Chromium's own needs Google's push service;
 * and, while the server part (PUSH-SERVER) is not in this build, GET
 * /push/public-key and POST /push/subscriptions(/delete) are stood in by
 * routes added here only when the app has none.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, Page, Request } from 'playwright-core';
import webPush from 'web-push';
import { browserAvailable, launchBrowser, SCREENSHOTS } from '../helpers/browser.js';
import { fakePushSubscribe, SUBSCRIPTION_KEY } from '../helpers/browser-push.js';
import type { BrowserSubscription } from '../helpers/browser-push.js';
import { fillFrontPage, type FrontPageSeed } from '../helpers/front-page-site.js';
import { testSite, type TestSite } from '../helpers/site.js';

const run = browserAvailable();
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const DAY_MS = 24 * 60 * 60 * 1000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

interface AxeResult {
  violations: Array<{ id: string; impact: string; nodes: Array<{ target: unknown }> }>;
}
/** What a notification carries beyond the DOM library's type of it. */
type ShownNotification = Notification & { badge: string; image: string; timestamp: number };
/** The parts of a service worker's global scope (WebWorker lib, not in this tsconfig) used here. */
interface WorkerScope extends EventTarget {
  registration: ServiceWorkerRegistration;
  clients: { openWindow: (url: string | URL) => Promise<unknown> };
}
interface WindowClientClass {
  prototype: { focus: (this: { url: string }) => Promise<unknown> };
}
declare const axe: { run(context: unknown, options: object): Promise<AxeResult> };

describe.skipIf(!run)('breaking-news push, the reader side, in a real browser', () => {
  let site: TestSite;
  let seed: FrontPageSeed;
  let mediaDir: string;
  let origin: string;
  let browser: BrowserContext;
  /** Bodies the stand-in API received (empty when the real API answers). */
  const received: Array<{ path: string; body: unknown }> = [];
  const vapid = webPush.generateVAPIDKeys();
  let pushEndpointBase: string;

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'midad-push-e2e-'));
    site = await testSite({ MIDAD_MEDIA_DIR: mediaDir }, { demo: false, localPushEndpoints: true });
    seed = await fillFrontPage(site.database, mediaDir);
    const app = site.app;
    if (!app.hasRoute({ method: 'GET', url: '/push/public-key' })) {
      app.get('/push/public-key', async () => ({ publicKey: vapid.publicKey }));
      app.post('/push/subscriptions', async (request, reply) => {
        received.push({ path: request.url, body: request.body });
        return reply.code(201).send({ ok: true });
      });
      app.post('/push/subscriptions/delete', async (request, reply) => {
        received.push({ path: request.url, body: request.body });
        return reply.code(204).send();
      });
    }
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    // The push service the browser's subscription names (nothing is sent to it here).
    pushEndpointBase = `${origin}/test-push-service`;
    browser = await launchBrowser();
    await browser.addInitScript(fakePushSubscribe, pushEndpointBase);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  const politics = (n: number): string => seed.articles.politics[n] as string;
  const economy = (n: number): string => seed.articles.economy[n] as string;
  const offer = (page: Page) => page.locator('aside.push-offer');

  /** Opens `path` and waits until push.js has run (it counts the article read). */
  async function read(page: Page, path: string): Promise<void> {
    await page.goto(`${origin}${path}`);
    await page.waitForFunction(() =>
      [...document.scripts].some((s) => s.src.includes('/assets/push.')),
    );
    await page.waitForLoadState('load');
    // push.js is deferred: after `load` it has run; its card comes after a
    // getRegistration() round trip, so give it a moment.
    await page.waitForTimeout(300);
  }

  async function freshReader(): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    await page.evaluate(async () => {
      localStorage.clear();
      const registrations = await navigator.serviceWorker.getRegistrations();
      await Promise.all(registrations.map((r) => r.unregister()));
    });
    return page;
  }

  it('offers nothing on the first page view nor the first article, and offers the card on the second article', async () => {
    const page = await freshReader();
    await page.setViewportSize(PHONE);
    const publicKeyAsked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/push/')) publicKeyAsked.push(request.url());
    });

    await page.goto(`${origin}/`);
    expect(await page.locator('script[src*="/assets/push."]').count()).toBe(0);
    expect(await offer(page).count()).toBe(0);

    await read(page, `/a/${politics(0)}`);
    expect(await offer(page).count()).toBe(0);
    // The same article again is not a second read.
    await read(page, `/a/${politics(0)}`);
    expect(await offer(page).count()).toBe(0);

    await read(page, `/a/${economy(0)}`);
    await expect.poll(() => offer(page).count()).toBe(1);
    const card = offer(page);
    expect(await card.getByRole('heading').textContent()).toBe('تنبيهات الأخبار العاجلة');
    expect(await card.getByRole('button').allTextContents()).toEqual(['نعم، أريدها', 'لاحقاً']);
    expect(await card.getByRole('checkbox').count()).toBe(1);
    expect(await card.locator('label').textContent()).toContain('وأخبار قسم «اقتصاد» أيضاً');
    expect(await card.getByRole('link').getAttribute('href')).toBe('/alerts');
    // Nothing asked or loaded before the reader answers.
    expect(
      await page.evaluate(() => (window as never as { __permissionAsks: number }).__permissionAsks),
    ).toBe(0);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration('/'))).toBeUndefined();
    expect(publicKeyAsked).toEqual([]);
    // A bottom strip of a phone, not a wall: the headline stays in view.
    const box = await card.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    expect(box && box.height).toBeLessThan(PHONE.height / 2);
    expect(await page.locator('h1').isVisible()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/push-offer-390x844.png` });

    // No accessibility violation in the card.
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      axe.run('aside.push-offer', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }),
    );
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });

  it('«لاحقاً» hides the card and keeps it away for 30 days; Escape does the same', async () => {
    const page = await freshReader();
    await page.setViewportSize(DESKTOP);
    await read(page, `/a/${politics(0)}`);
    await read(page, `/a/${politics(1)}`);
    await expect.poll(() => offer(page).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/push-offer-1366x900.png` });

    const before = Date.now();
    await offer(page).getByRole('button', { name: 'لاحقاً' }).click();
    expect(await offer(page).count()).toBe(0);
    const state = await page.evaluate(() => JSON.parse(localStorage.getItem('midad:push') ?? '{}'));
    expect(state.state).toBe('later');
    expect(state.until).toBeGreaterThanOrEqual(before + 30 * DAY_MS);
    expect(state.until).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS);
    expect(
      await page.evaluate(() => (window as never as { __permissionAsks: number }).__permissionAsks),
    ).toBe(0);

    await read(page, `/a/${politics(2)}`);
    expect(await offer(page).count()).toBe(0);
    // 29 days on: still away. 31 days on: offered again.
    await page.clock.setFixedTime(new Date(before + 29 * DAY_MS));
    await read(page, `/a/${economy(1)}`);
    expect(await offer(page).count()).toBe(0);
    await page.clock.setFixedTime(new Date(before + 31 * DAY_MS));
    await read(page, `/a/${economy(2)}`);
    await expect.poll(() => offer(page).count()).toBe(1);

    // Keyboard: the card's buttons are reached with Tab; Escape is «لاحقاً».
    await offer(page).getByRole('button', { name: 'نعم، أريدها' }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('aside.push-offer') !== null),
    ).toBe(true);
    await page.keyboard.press('Escape');
    expect(await offer(page).count()).toBe(0);
    const again = await page.evaluate(() => JSON.parse(localStorage.getItem('midad:push') ?? '{}'));
    expect(again.state).toBe('later');
    await page.close();
  });

  it("a reader who refuses the browser's own prompt is told how to allow it later, and not asked again for 30 days", async () => {
    const page = await freshReader();
    await page.setViewportSize(PHONE);
    await read(page, `/a/${politics(0)}`);
    await read(page, `/a/${economy(0)}`);
    await expect.poll(() => offer(page).count()).toBe(1);
    // No permission granted to this profile: headless Chromium answers the prompt "denied".
    await offer(page).getByRole('button', { name: 'نعم، أريدها' }).click();
    await expect
      .poll(() => offer(page).locator('[role="status"]').textContent())
      .toBe('لم يأذن المتصفح بالتنبيهات. يمكنك السماح بها لاحقاً من إعدادات الموقع في المتصفح.');
    expect(await offer(page).getByRole('button').allTextContents()).toEqual(['إغلاق']);
    const state = await page.evaluate(() => JSON.parse(localStorage.getItem('midad:push') ?? '{}'));
    expect(state.state).toBe('later');
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration('/'))).toBeUndefined();
    await offer(page).getByRole('button', { name: 'إغلاق' }).click();
    expect(await offer(page).count()).toBe(0);
    await read(page, `/a/${economy(1)}`);
    expect(await offer(page).count()).toBe(0);
    await page.close();
  });

  let subscription: BrowserSubscription;
  let subscribed: Page;

  it('«نعم، أريدها» asks the permission, registers /sw.js and POSTs exactly the subscription and the choices', async () => {
    await browser.grantPermissions(['notifications'], { origin });
    const page = await freshReader();
    await page.setViewportSize(PHONE);
    await read(page, `/a/${politics(0)}`);
    await read(page, `/a/${economy(0)}`);
    await expect.poll(() => offer(page).count()).toBe(1);
    await offer(page).getByRole('checkbox').check();

    const posted = page.waitForRequest(
      (r: Request) => r.method() === 'POST' && r.url() === `${origin}/push/subscriptions`,
    );
    const keyAsked = page.waitForRequest(`${origin}/push/public-key`);
    await offer(page).getByRole('button', { name: 'نعم، أريدها' }).click();
    await keyAsked;
    const request = await posted;
    expect((await request.response())?.status()).toBe(201);
    expect(request.headers()['content-type']).toBe('application/json');

    subscription = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key) ?? 'null'),
      SUBSCRIPTION_KEY,
    );
    expect(JSON.parse(request.postData() ?? '')).toEqual({
      subscription: { endpoint: subscription.endpoint, keys: subscription.keys },
      breaking: true,
      sections: [seed.sections.economy],
    });
    expect(subscription.endpoint.startsWith(`${pushEndpointBase}/`)).toBe(true);
    expect(Buffer.from(subscription.keys.p256dh, 'base64url')).toHaveLength(65);
    expect(Buffer.from(subscription.keys.auth, 'base64url')).toHaveLength(16);
    const server = await (await fetch(`${origin}/push/public-key`)).json();
    expect(subscription.applicationServerKey).toBe(server.publicKey);
    if (received.length > 0)
      expect(received.at(-1)?.body).toEqual(JSON.parse(request.postData() ?? ''));

    expect(
      await page.evaluate(() => (window as never as { __permissionAsks: number }).__permissionAsks),
    ).toBe(1);
    await expect
      .poll(() => offer(page).locator('[role="status"]').textContent())
      .toBe('تمّ. سيصلك الخبر العاجل على هذا الجهاز.');
    await page.screenshot({ path: `${SCREENSHOTS}/push-offer-done-390x844.png` });
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { scope: registration.scope, script: registration.active?.scriptURL };
    });
    expect(worker).toEqual({ scope: `${origin}/`, script: `${origin}/sw.js` });
    // The card goes by itself, and never comes back to a subscribed reader.
    await expect.poll(() => offer(page).count(), { timeout: 6000 }).toBe(0);
    await read(page, `/a/${politics(1)}`);
    expect(await offer(page).count()).toBe(0);
    subscribed = page;
  });

  /** The registration id of the site's service worker, through CDP. */
  async function registrationId(cdp: CDPSession): Promise<string> {
    const found = new Promise<string>((resolve) => {
      cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => {
        const mine = event.registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted);
        if (mine) resolve(mine.registrationId);
      });
    });
    await cdp.send('ServiceWorker.enable');
    return found;
  }

  it('shows a pushed notification in Arabic, right to left, with the site icon, and a click opens the article', async () => {
    const page = subscribed;
    const cdp = await browser.newCDPSession(page);
    const id = await registrationId(cdp);
    const article = politics(2);
    const payload = {
      title: 'عاجل: وقف إطلاق النار في إدلب يدخل حيّز التنفيذ',
      body: 'أعلنت الأطراف التزامها بالاتفاق بدءاً من منتصف الليل.',
      url: `${origin}/a/${article}`,
      icon: `${origin}/assets/icon-192.png`,
      image: `${origin}/logo.png`,
      tag: `a${article}`,
      lang: 'ar',
      dir: 'rtl',
      timestamp: Date.UTC(2026, 10, 29, 12, 0),
    };
    const shown = async () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          dir: n.dir,
          lang: n.lang,
          icon: n.icon,
          badge: (n as ShownNotification).badge,
          image: (n as ShownNotification).image,
          tag: n.tag,
          timestamp: (n as ShownNotification).timestamp,
          data: n.data,
        }));
      });
    /**
     * Delivers `data` as a push message and waits until the browser lists the
     * notification with `body`. Headless Chromium now and then drops a
     * notification it has shown (showNotification resolves, but the worker's
     * own getNotifications() stays empty, with no notificationclose): then the
     * same message is delivered again, at most three times.
     */
    const deliver = async (data: object, body: string) => {
      for (let attempt = 1; ; attempt += 1) {
        await cdp.send('ServiceWorker.deliverPushMessage', {
          origin,
          registrationId: id,
          data: JSON.stringify(data),
        });
        try {
          await expect
            .poll(async () => (await shown()).map((n) => n.body), { timeout: 3000 })
            .toEqual([body]);
          return;
        } catch (error) {
          if (attempt === 3) throw error;
        }
      }
    };

    await deliver(payload, payload.body);
    expect(await shown()).toEqual([
      {
        title: payload.title,
        body: payload.body,
        dir: 'rtl',
        lang: 'ar',
        icon: payload.icon,
        badge: `${origin}/assets/icon-192.png`,
        image: payload.image,
        tag: payload.tag,
        timestamp: payload.timestamp,
        data: { url: payload.url },
      },
    ]);

    // The same article again replaces its notification (same tag), never stacks.
    await deliver({ ...payload, body: 'تحديث' }, 'تحديث');

    // The click: CDP has no way to click a notification, and
    // clients.openWindow / WindowClient.focus need the user activation of a
    // real click ("InvalidAccessError: Not allowed to open a window"). So the
    // worker's own notificationclick listener runs, in the worker, on the
    // notification the browser shows, with those two calls watched instead of made.
    const [worker] = browser.serviceWorkers().filter((w) => w.url() === `${origin}/sw.js`);
    expect(worker).toBeDefined();
    const click = () =>
      worker!.evaluate(async () => {
        const scope = self as unknown as WorkerScope;
        const WindowClient = (self as unknown as { WindowClient: WindowClientClass }).WindowClient;
        const [notification] = await scope.registration.getNotifications();
        const opened: string[] = [];
        const focused: string[] = [];
        const clients = scope.clients;
        const realOpen = clients.openWindow;
        const realFocus = WindowClient.prototype.focus;
        clients.openWindow = async (url: string | URL) => {
          opened.push(String(url));
          return null;
        };
        WindowClient.prototype.focus = async function (this: { url: string }) {
          focused.push(this.url);
          return this;
        };
        const waits: Promise<unknown>[] = [];
        scope.dispatchEvent(
          Object.assign(new Event('notificationclick'), {
            notification,
            action: '',
            waitUntil: (p: Promise<unknown>) => void waits.push(p),
          }),
        );
        try {
          await Promise.all(waits);
        } finally {
          clients.openWindow = realOpen;
          WindowClient.prototype.focus = realFocus;
        }
        const left = await scope.registration.getNotifications();
        return { opened, focused, left: left.length };
      });
    // No tab shows the article: it opens in a new one; the notification closes.
    expect(await click()).toEqual({ opened: [`${origin}/a/${article}`], focused: [], left: 0 });

    // A tab already shows it: that tab is brought forward instead.
    const tab = await browser.newPage();
    await tab.goto(`${origin}/a/${article}`);
    await deliver(payload, payload.body);
    expect(await click()).toEqual({ opened: [], focused: [`${origin}/a/${article}`], left: 0 });
    await tab.close();

    // A payload naming a script URL opens the home page instead; no icon falls back to the site's.
    await deliver(
      { title: 'عاجل', body: 'رابط غير صالح', url: 'javascript:alert(1)', tag: 'a1' },
      'رابط غير صالح',
    );
    const [odd] = await shown();
    expect([odd?.data, odd?.icon, odd?.dir, odd?.lang]).toEqual([
      { url: `${origin}/` },
      `${origin}/assets/icon-192.png`,
      'rtl',
      'ar',
    ]);
    await cdp.detach();
  });

  it('the alerts page shows the device subscribed with its choices, and turns notifications off', async () => {
    const page = subscribed;
    await page.setViewportSize(PHONE);
    await page.goto(`${origin}/`);
    await page.locator('footer').getByRole('link', { name: 'التنبيهات' }).click();
    await page.waitForURL(`${origin}/alerts`);
    const status = page.locator('.alerts-push [role="status"]');
    await expect.poll(() => status.textContent()).toBe('التنبيهات مفعّلة على هذا الجهاز.');
    expect(await page.getByRole('checkbox', { name: 'الأخبار العاجلة' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'اقتصاد' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'سياسة' }).isChecked()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-390x844.png`, fullPage: true });

    // Choices saved: the same endpoint POSTed again with the new sections.
    await page.getByRole('checkbox', { name: 'سياسة' }).check();
    const saved = page.waitForRequest(
      (r: Request) => r.method() === 'POST' && r.url() === `${origin}/push/subscriptions`,
    );
    await page.getByRole('button', { name: 'حفظ الاختيارات' }).click();
    expect(JSON.parse((await saved).postData() ?? '')).toEqual({
      subscription: { endpoint: subscription.endpoint, keys: subscription.keys },
      breaking: true,
      // In the page's order of sections (by name): اقتصاد, سياسة.
      sections: [seed.sections.economy, seed.sections.politics],
    });
    await expect.poll(() => status.textContent()).toBe('حُفظت اختياراتك.');

    const deleted = page.waitForRequest(
      (r: Request) => r.method() === 'POST' && r.url() === `${origin}/push/subscriptions/delete`,
    );
    await page.getByRole('button', { name: 'إيقاف التنبيهات' }).click();
    const request = await deleted;
    expect(JSON.parse(request.postData() ?? '')).toEqual({ endpoint: subscription.endpoint });
    expect((await request.response())?.status()).toBe(204);
    await expect.poll(() => status.textContent()).toBe('أُوقفت التنبيهات على هذا الجهاز.');
    expect(await page.getByRole('button', { name: 'تفعيل التنبيهات' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'إيقاف التنبيهات' }).isHidden()).toBe(true);

    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate(() =>
      axe.run('main', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }),
    );
    expect(result.violations.map((v) => v.id)).toEqual([]);

    // Turned off here: never offered again on articles.
    await read(page, `/a/${economy(1)}`);
    expect(await offer(page).count()).toBe(0);
    await page.setViewportSize(DESKTOP);
    await page.goto(`${origin}/alerts`);
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-1366x900.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SCREENSHOTS}/alerts-dark-1366x900.png`, fullPage: true });
    await page.close();
  });

  it('the offer in the dark scheme on a phone', async () => {
    const page = await freshReader();
    await page.setViewportSize(PHONE);
    await page.emulateMedia({ colorScheme: 'dark' });
    await read(page, `/a/${politics(0)}`);
    await read(page, `/a/${economy(0)}`);
    await expect.poll(() => offer(page).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}/push-offer-dark-390x844.png` });
    const colours = await offer(page).evaluate((card) => {
      const style = getComputedStyle(card);
      return { background: style.backgroundColor, colour: style.color };
    });
    expect(colours).toEqual({ background: 'rgb(20, 20, 20)', colour: 'rgb(236, 235, 232)' });
    await page.close();
  });
});
