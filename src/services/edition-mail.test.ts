/**
 * The newsletter email (issue 20): right-to-left attributes, images with
 * alt text and width, the links, the unsubscribe link per recipient, the
 * text part, digits per the site setting, and escaping.
 */
import { describe, expect, it } from 'vitest';
import type { SiteLocale } from '../arabic/locale.js';
import { NO_ALTERNATE_ADDRESSES } from '../domain/alternate-addresses.js';
import { renderEditionMail, type EditionMail } from './edition-mail.js';

const locale: SiteLocale = {
  lang: 'ar',
  dir: 'rtl',
  timeZone: 'Asia/Damascus',
  numerals: 'latn',
  monthNames: 'levant',
  calendar: 'gregory',
};

function edition(over: Partial<EditionMail> = {}): EditionMail {
  return {
    id: '7',
    kind: 'digest',
    subject: 'نشرة مداد اليومية: 4 كانون الأول 2026',
    intro: 'صباح الخير.\n\nهذه أبرز أخبار اليوم.',
    articles: [
      {
        id: '101',
        headline: 'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
        standfirst: 'اتفاق على هدنة تبدأ منتصف الليل.',
        url: 'https://news.example/a/101',
        image: {
          url: 'https://news.example/media/5/original.jpg',
          alt: 'جنود على طريق في ريف إدلب',
          width: 1600,
          height: 900,
        },
        section: 'سياسة',
        publishedAt: new Date('2026-12-04T07:15:00Z'),
      },
      {
        id: '102',
        headline: 'أبل تعلن عن <iPhone 15> & "المزيد"',
        standfirst: '',
        url: 'https://news.example/a/102',
        image: {
          url: 'https://news.example/media/6/original.png',
          alt: '',
          width: 800,
          height: 600,
        },
        section: null,
        publishedAt: null,
      },
      {
        id: '103',
        headline: 'ارتفاع أسعار الذهب',
        standfirst: 'الأونصة فوق 2000 دولار.',
        url: 'https://news.example/a/103',
        image: null,
        section: 'اقتصاد',
        publishedAt: null,
      },
    ],
    site: { name: 'مداد', origin: 'https://news.example', address: 'news.example', locale },
    date: 'الجمعة 4 كانون الأول 2026',
    alternates: NO_ALTERNATE_ADDRESSES,
    ...over,
  };
}

const UNSUBSCRIBE = 'https://news.example/newsletter/unsubscribe?token=abc123&e=7';
const PREFERENCES = 'https://news.example/newsletter/preferences?token=abc123';
const RECIPIENT = { unsubscribeUrl: UNSUBSCRIBE, preferencesUrl: PREFERENCES };

describe('renderEditionMail', () => {
  it('is a right-to-left Arabic document laid out in tables, in the site font', () => {
    const { subject, html } = renderEditionMail(edition(), RECIPIENT);
    expect(subject).toBe('نشرة مداد اليومية: 4 كانون الأول 2026');
    expect(html.startsWith('<!DOCTYPE html><html lang="ar" dir="rtl"')).toBe(true);
    expect(html).toContain('<body dir="rtl"');
    expect(html).toContain('<meta charset="utf-8">');
    // Every table and cell says its direction; cells align right (Outlook ignores CSS direction).
    const tables = html.match(/<table[^>]*>/g) ?? [];
    expect(tables.length).toBe(6);
    for (const table of tables) expect(table).toContain('dir="rtl"');
    for (const cell of html.match(/<td dir[^>]*>/g) ?? [])
      expect(cell).toMatch(/align="(right|center)"/);
    expect(html).toContain('font-family:&#39;Noto Naskh Arabic&#39;, Tahoma, Arial, sans-serif');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<link');
  });

  it('shows images with alt text, width and height, linked to their article', () => {
    const { html } = renderEditionMail(edition(), RECIPIENT);
    expect(html).toContain(
      '<a href="https://news.example/a/101" style="text-decoration:none;"><img src="https://news.example/media/5/original.jpg" alt="جنود على طريق في ريف إدلب" width="552" height="311"',
    );
    // A thumbnail; an image without alt text keeps an empty alt (decorative, not its file name).
    expect(html).toContain(
      '<img src="https://news.example/media/6/original.png" alt="" width="120" height="90"',
    );
    expect((html.match(/<img /g) ?? []).length).toBe(2);
    for (const img of html.match(/<img [^>]*>/g) ?? []) expect(img).toMatch(/ alt="[^"]*"/);
  });

  it('links every headline, the site, and the recipient unsubscribe link, escaping text', () => {
    const { html } = renderEditionMail(edition(), RECIPIENT);
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      'https://news.example/',
      'https://news.example/a/101',
      'https://news.example/a/101',
      'https://news.example/a/102',
      'https://news.example/a/102',
      'https://news.example/a/103',
      'https://news.example/',
      'https://news.example/newsletter/unsubscribe?token=abc123&amp;e=7',
      'https://news.example/newsletter/preferences?token=abc123',
      'https://news.example/',
    ]);
    expect(html).toContain(
      '<a href="https://news.example/newsletter/unsubscribe?token=abc123&amp;e=7" style="color:#5f5b53;text-decoration:underline;">إلغاء الاشتراك</a> · <a href="https://news.example/newsletter/preferences?token=abc123" style="color:#5f5b53;text-decoration:underline;">إعدادات الاشتراك</a></p>',
    );
    expect(html).toContain('أبل تعلن عن &lt;iPhone 15&gt; &amp; &quot;المزيد&quot;');
    expect(html).toContain('سياسة · 4 كانون الأول 2026، 10:15');
    expect(html).toContain('<span dir="ltr">news.example</span>');
    expect(html).toContain('<p dir="rtl" style="margin:0 0 12px 0;');
    expect(html).toContain('>صباح الخير.</p>');
  });

  it('has a text part with headlines, standfirsts, URLs, the unsubscribe and the preferences link', () => {
    const { text } = renderEditionMail(edition(), RECIPIENT);
    expect(text).toBe(
      [
        'مداد — النشرة اليومية',
        'الجمعة 4 كانون الأول 2026',
        '',
        'نشرة مداد اليومية: 4 كانون الأول 2026',
        '',
        'صباح الخير.',
        '',
        'هذه أبرز أخبار اليوم.',
        '',
        '────────────',
        '',
        '1. توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
        'اتفاق على هدنة تبدأ منتصف الليل.',
        'https://news.example/a/101',
        '',
        '2. أبل تعلن عن <iPhone 15> & "المزيد"',
        'https://news.example/a/102',
        '',
        '3. ارتفاع أسعار الذهب',
        'الأونصة فوق 2000 دولار.',
        'https://news.example/a/103',
        '',
        '────────────',
        'وصلتك هذه الرسالة لأنك اشتركت في النشرة اليومية لموقع مداد.',
        'إلغاء الاشتراك: https://news.example/newsletter/unsubscribe?token=abc123&e=7',
        'إعدادات الاشتراك: https://news.example/newsletter/preferences?token=abc123',
        'مداد · https://news.example/',
        '',
      ].join('\n'),
    );
  });

  it('numbers the text part with Arabic-Indic digits when the site uses them, URLs left Latin', () => {
    const mail = edition({ site: { ...edition().site, locale: { ...locale, numerals: 'arab' } } });
    const { text, html } = renderEditionMail(mail, RECIPIENT);
    expect(text).toContain('\n١. توافق');
    expect(text).toContain('\n٣. ارتفاع');
    expect(text).toContain('https://news.example/a/103');
    expect(html).toContain('سياسة · ٤ كانون الأول ٢٠٢٦، ١٠:١٥');
  });

  it('a breaking edition says so and leads with its one article', () => {
    const mail = edition({
      kind: 'breaking',
      subject: 'عاجل: ارتفاع أسعار الذهب',
      intro: '',
      articles: [edition().articles[2]!],
    });
    const { html, text } = renderEditionMail(mail, RECIPIENT);
    expect(html).toContain('font-weight:bold;">عاجل</span> · الجمعة 4 كانون الأول 2026</p>');
    expect(html).toContain('<h2 dir="rtl"');
    expect(text.split('\n').slice(0, 8)).toEqual([
      'مداد — عاجل',
      'الجمعة 4 كانون الأول 2026',
      '',
      'عاجل: ارتفاع أسعار الذهب',
      '',
      '────────────',
      '',
      'ارتفاع أسعار الذهب',
    ]);
    expect(text).toContain('تنبيهات الأخبار العاجلة');
  });

  it('renders once per edition: each recipient only gets their own link', () => {
    const mail = edition();
    const first = renderEditionMail(mail, RECIPIENT);
    let last = first;
    for (let i = 0; i < 10_000; i++)
      last = renderEditionMail(mail, {
        unsubscribeUrl: `https://news.example/newsletter/unsubscribe?token=t${i}&e=7`,
        preferencesUrl: `https://news.example/newsletter/preferences?token=t${i}`,
      });
    expect(last.html.replaceAll('token=t9999', 'token=abc123')).toBe(first.html);
    expect(last.text.replaceAll('token=t9999', 'token=abc123')).toBe(first.text);
    expect(last.html.split('token=t9999').length).toBe(3);
    expect(last.text.split('token=t9999').length).toBe(3);
  });

  it("links the reader's own preferences page beside the unsubscribe link", () => {
    const { html, text } = renderEditionMail(edition(), RECIPIENT);
    expect(html).toContain(`<a href="${PREFERENCES}"`);
    expect(text).toContain(`\nإعدادات الاشتراك: ${PREFERENCES}\n`);
  });

  it('names the mirrors and the onion address in the footer, for when the site is blocked', () => {
    const onion = 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion';
    const mail = edition({
      alternates: {
        onion: { host: onion, url: `http://${onion}` },
        mirrors: [
          { url: 'https://mirror.example/?a=1&b=2', label: 'مرآة <أوروبا>' },
          {
            url: 'ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8',
            label: '',
          },
        ],
      },
    });
    const { html, text } = renderEditionMail(mail, RECIPIENT);
    const link = (href: string, body: string, ltr: boolean) =>
      `<a href="${href}"${ltr ? ' dir="ltr"' : ''} style="color:#5f5b53;text-decoration:underline;">${body}</a>`;
    expect(html).toContain(
      '<p dir="rtl" style="margin:8px 0 0 0;">إن حُجب موقعنا فاقرأ أخبارنا من: ' +
        link('https://mirror.example/?a=1&amp;b=2', 'مرآة &lt;أوروبا&gt;', false) +
        ' · ' +
        link(
          'ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8',
          'ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8',
          true,
        ) +
        ` · عبر Tor: ${link(`http://${onion}/`, `http://${onion}/`, true)}</p></td></tr></table>`,
    );
    expect(text.split('\n').slice(-6)).toEqual([
      'مداد · https://news.example/',
      'إن حُجب موقعنا فاقرأ أخبارنا من:',
      'مرآة <أوروبا>: https://mirror.example/?a=1&b=2',
      'ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8',
      `عبر Tor: http://${onion}/`,
      '',
    ]);
  });
});
