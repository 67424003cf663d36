import { describe, expect, it } from 'vitest';
import { fitGhostHtml } from './ghost-html.js';

describe('fitGhostHtml', () => {
  it('keeps headings within h2–h4 and leaves the rest byte for byte', () => {
    const html =
      '<h1 id="x">عنوان</h1><p class="a">نص &amp; <b>غامق</b><br/></p><h5>صغير</h5><H6>أصغر</H6><h3>ثالث</h3>';
    expect(fitGhostHtml(html)).toBe(
      '<h2 id="x">عنوان</h2><p class="a">نص &amp; <b>غامق</b><br/></p><h4>صغير</h4><h4>أصغر</h4><h3>ثالث</h3>',
    );
  });

  it('turns a YouTube embed card into the body embed figure, with its caption after it', () => {
    const html =
      '<p>قبل</p><figure class="kg-card kg-embed-card kg-card-hascaption"><iframe width="200" height="113" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed&amp;x=1" frameborder="0" allowfullscreen></iframe><figcaption>مقابلة <em>حصرية</em></figcaption></figure><p>بعد</p>';
    expect(fitGhostHtml(html)).toBe(
      '<p>قبل</p><figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure><p>مقابلة <em>حصرية</em></p><p>بعد</p>',
    );
  });

  it('finds the status link of a tweet among its other links', () => {
    const html =
      '<figure class="kg-card kg-embed-card"><blockquote class="twitter-tweet"><p lang="ar" dir="rtl">خبر <a href="https://twitter.com/hashtag/عاجل?src=hash">#عاجل</a></p>&mdash; مداد (@midad) <a href="https://twitter.com/midad/status/1234567890?ref_src=twsrc%5Etfw">January 3, 2021</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script></figure>';
    expect(fitGhostHtml(html)).toBe(
      '<figure class="embed" data-embed="x" data-url="https://x.com/midad/status/1234567890"><a href="https://x.com/midad/status/1234567890">https://x.com/midad/status/1234567890</a></figure>',
    );
  });

  it('reads a Telegram widget post', () => {
    const html =
      '<figure class="kg-card kg-embed-card"><script async src="https://telegram.org/js/telegram-widget.js?22" data-telegram-post="midad_news/42" data-width="100%"></script></figure>';
    expect(fitGhostHtml(html)).toBe(
      '<figure class="embed" data-embed="telegram" data-url="https://t.me/midad_news/42"><a href="https://t.me/midad_news/42">https://t.me/midad_news/42</a></figure>',
    );
  });

  it('turns a bookmark card into a paragraph with one link, its title', () => {
    const html =
      '<p>انظر:</p><figure class="kg-card kg-bookmark-card kg-card-hascaption"><a class="kg-bookmark-container" href="https://example.org/report?a=1&amp;b=2"><div class="kg-bookmark-content"><div class="kg-bookmark-title">تقرير &lt;البنك&gt;\n  الدولي</div><div class="kg-bookmark-description">وصف طويل</div><div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://example.org/icon.png" alt=""><span class="kg-bookmark-publisher">البنك</span></div></div><div class="kg-bookmark-thumbnail"><img src="https://example.org/t.jpg" alt=""></div></a><figcaption>مصدر</figcaption></figure>';
    expect(fitGhostHtml(html)).toBe(
      '<p>انظر:</p><p><a href="https://example.org/report?a=1&amp;b=2">تقرير &lt;البنك&gt; الدولي</a></p><p>مصدر</p>',
    );
  });

  it('leaves an embed card of another site, and a heading inside it, as Ghost wrote them', () => {
    const html =
      '<figure class="kg-card kg-embed-card"><iframe src="https://player.vimeo.com/video/1"></iframe></figure><figure class="kg-card kg-image-card"><img src="/a.jpg"></figure>';
    expect(fitGhostHtml(html)).toBe(html);
  });
});
