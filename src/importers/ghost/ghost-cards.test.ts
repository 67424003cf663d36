import { describe, expect, it } from 'vitest';
import { renderCard } from './ghost-cards.js';

function card(name: string, payload: Record<string, unknown>): { html: string; dropped: string[] } {
  const dropped: string[] = [];
  const html = renderCard(name, payload, { dropCard: (n) => dropped.push(n) });
  return { html, dropped };
}

describe('renderCard', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'image',
      {
        src: 'https://old.example/content/images/x.jpg',
        alt: 'مؤتمر "صحفي"',
        caption: '',
        href: 'https://example.com/',
      },
      '<figure><a href="https://example.com/"><img src="https://old.example/content/images/x.jpg" alt="مؤتمر &quot;صحفي&quot;"></a></figure>',
    ],
    ['image', { src: '' }, ''],
    [
      'gallery',
      {
        images: [
          { src: '/a.jpg', alt: 'أ', width: 600, height: 400, row: 0 },
          { src: '/b.jpg', row: 0 },
          'x',
        ],
        caption: 'معرض',
      },
      '<figure><img src="/a.jpg" alt="أ" width="600" height="400"><img src="/b.jpg" alt=""><figcaption>معرض</figcaption></figure>',
    ],
    ['html', { html: '<div onclick="x()">خام</div>' }, '<div onclick="x()">خام</div>'],
    [
      'markdown',
      { markdown: '## عنوان\n\nنص <span>مضمن</span> و[رابط](https://example.com)' },
      '<h2>عنوان</h2>\n<p>نص <span>مضمن</span> و<a href="https://example.com">رابط</a></p>',
    ],
    [
      'embed',
      {
        url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
        html: '<iframe></iframe>',
        caption: 'مقابلة',
      },
      '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure><p>مقابلة</p>',
    ],
    [
      'embed',
      { url: 'https://vimeo.com/123', html: '<iframe></iframe>', metadata: { title: 'فيلم' } },
      '<p><a href="https://vimeo.com/123">فيلم</a></p>',
    ],
    [
      'bookmark',
      { url: 'https://example.com/r', metadata: { title: 'تقرير <مهم>', description: 'وصف' } },
      '<p><a href="https://example.com/r">تقرير &lt;مهم&gt;</a></p>',
    ],
    [
      'bookmark',
      { url: 'https://example.com/r', metadata: {} },
      '<p><a href="https://example.com/r">https://example.com/r</a></p>',
    ],
    [
      'callout',
      { calloutEmoji: '💡', calloutText: 'تنبيه <em>مهم</em>' },
      '<blockquote><p>💡 تنبيه <em>مهم</em></p></blockquote>',
    ],
    [
      'callout',
      { calloutEmoji: '📞', calloutText: '<p dir="rtl">الطوارئ: ٩٩٩</p><p>ثانية</p>' },
      '<blockquote><p dir="rtl">📞 الطوارئ: ٩٩٩</p><p>ثانية</p></blockquote>',
    ],
    ['callout', { calloutEmoji: '', calloutText: 'نص' }, '<blockquote><p>نص</p></blockquote>'],
    ['toggle', { heading: 'سؤال', content: '<p>جواب</p>' }, '<h4>سؤال</h4><p>جواب</p>'],
    ['toggle', { heading: 'سؤال', content: 'جواب' }, '<h4>سؤال</h4><p>جواب</p>'],
    [
      'button',
      { buttonText: 'اشترك', buttonUrl: 'https://example.com/s' },
      '<p><a href="https://example.com/s">اشترك</a></p>',
    ],
    ['code', { code: '<b>', language: 'html"x' }, '<pre><code>&lt;b&gt;</code></pre>'],
    [
      'video',
      { src: '/content/media/v.mp4', fileName: 'v.mp4' },
      '<p><a href="/content/media/v.mp4">v.mp4</a></p>',
    ],
    [
      'audio',
      { src: '/content/media/a.mp3', title: 'بودكاست' },
      '<p><a href="/content/media/a.mp3">بودكاست</a></p>',
    ],
    [
      'file',
      { src: '/content/files/r.pdf', fileTitle: 'التقرير', fileName: 'r.pdf' },
      '<p><a href="/content/files/r.pdf">التقرير</a></p>',
    ],
    [
      'header',
      { header: 'ملف خاص', subheader: 'تغطية', buttonText: 'تابع', buttonUrl: '/s/' },
      '<h2>ملف خاص</h2><p>تغطية</p><p><a href="/s/">تابع</a></p>',
    ],
  ])('renders a %s card', (name, payload, expected) => {
    expect(card(name, payload)).toEqual({ html: expected, dropped: [] });
  });

  it.each(['product', 'signup', 'paywall', 'email', 'email-cta', 'nft'])(
    'drops and counts a %s card',
    (name) => {
      expect(card(name, { html: '<p>x</p>' })).toEqual({ html: '', dropped: [name] });
    },
  );

  it('drops an embed without an address', () => {
    expect(card('embed', { html: '<iframe src="https://example.com"></iframe>' })).toEqual({
      html: '',
      dropped: ['embed'],
    });
  });
});
