import { afterEach, describe, expect, it } from 'vitest';
import { hasCode } from '../lib/errors.js';
import { prepareBody } from './prepared-body.js';
import { sanitizerPool, type SanitizerPool } from './sanitizer-pool.js';

describe('sanitizerPool', () => {
  let pool: SanitizerPool;
  afterEach(async () => {
    await pool.close();
  });

  it('sanitises bodies in worker threads, as sanitizeBodyHtml does', async () => {
    pool = sanitizerPool(2);
    const bodies = ['<p onclick="x()">أ</p>', '<p>ب<script>alert(1)</script></p>', '<p>ج'];
    expect(await Promise.all(bodies.map((b) => pool.sanitize(b)))).toEqual([
      '<p>أ</p>',
      '<p>ب</p>',
      '<p>ج</p>',
    ]);
  });

  it('refuses a body too deep with BODY_HTML_TOO_DEEP, on the calling thread or in a worker', async () => {
    pool = sanitizerPool(1);
    const tokensDeep = pool.sanitize('<ul><li>'.repeat(20_000));
    // Shallow to a tokenizer (each `</span>` closes the `<div>`), 40 deep to a browser.
    const treeDeep = pool.sanitize('<span><div></span>'.repeat(20));
    for (const refusal of [tokensDeep, treeDeep]) {
      const error: unknown = await refusal.catch((e: unknown) => e);
      expect(hasCode(error, 'BODY_HTML_TOO_DEEP'), String(error)).toBe(true);
    }
    expect(await pool.sanitize('<p>د</p>')).toBe('<p>د</p>');
  });

  it('prepares bodies in a worker exactly as prepareBody does on this thread', async () => {
    pool = sanitizerPool(1);
    const html =
      '<p onclick="x()">قال <b>الرئيسُ</b> إنّ الحكومة<script>x()</script></p><p>ستُعلن النتائج.</p>';
    const [threaded, refused] = await pool.prepare([html, '<span><div></span>'.repeat(20)]);
    expect(threaded).toEqual({ ok: true, body: prepareBody(html) });
    expect(threaded?.ok && threaded.body).toMatchObject({
      html: '<p>قال <b>الرئيسُ</b> إنّ الحكومة</p><p>ستُعلن النتائج.</p>',
      text: 'قال الرئيسُ إنّ الحكومة\nستُعلن النتائج.',
      excerpt: 'قال الرئيسُ إنّ الحكومة',
    });
    expect(refused?.ok === false && hasCode(refused.error, 'BODY_HTML_TOO_DEEP')).toBe(true);
  });

  it('refuses bodies still waiting when it is closed', async () => {
    pool = sanitizerPool(1);
    const first = pool.sanitize('<p>أ</p>').catch((e: unknown) => e);
    const second = expect(pool.sanitize('<p>ب</p>')).rejects.toThrow(
      'the sanitiser pool is closed',
    );
    await pool.close();
    await second;
    await first;
    await expect(pool.sanitize('<p>ج</p>')).rejects.toThrow('the sanitiser pool is closed');
  });
});
