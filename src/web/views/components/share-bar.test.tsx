import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { ShareMenu } from './share-bar.js';

const ctx = testPageContext();
const URL = 'https://news.example/a/42';

describe('ShareMenu', () => {
  it('is a closed disclosure whose icon is named in text for screen readers', () => {
    const html = renderToString(<ShareMenu ctx={ctx} url={URL} title="خبر" />);
    expect(html).toMatch(/^<details class="share-menu"><summary class="tool"><svg class="icon"/);
    expect(html).toContain(
      '</svg><span class="visually-hidden">مشاركة الخبر ورابطه المختصر</span></summary>',
    );
    expect(html).not.toContain(' open');
  });

  it('holds the four share links, the hidden device button, the short link and its copy button', () => {
    const html = renderToString(<ShareMenu ctx={ctx} url={URL} title="خبر" />);
    expect([...html.matchAll(/share__link--(\w+)/g)].map((m) => m[1])).toEqual([
      'whatsapp',
      'telegram',
      'x',
      'facebook',
    ]);
    expect(html).toContain(
      'data-share-url="https://news.example/a/42" data-share-title="خبر" hidden>',
    );
    expect(html).toContain(
      '<input id="short-link" type="text" readonly value="https://news.example/a/42" dir="ltr"/>',
    );
    expect(html).toContain('data-copy-target="short-link" data-copied="تم نسخ الرابط">');
    expect(html).toContain('<span>نسخ الرابط</span></button>');
  });

  it('keeps only the short link in a private preview', () => {
    const html = renderToString(<ShareMenu ctx={ctx} url={URL} title="خبر" withServices={false} />);
    expect(html).not.toContain('share__link');
    expect(html).toContain('id="short-link"');
  });
});
