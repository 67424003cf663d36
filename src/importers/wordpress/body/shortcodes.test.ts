import { describe, expect, it } from 'vitest';
import { parseShortcodeAttributes } from './shortcode-attributes.js';
import { renderShortcodes } from './shortcodes.js';
import { testContext } from '../../../../test/helpers/wordpress-body-context.js';

const PHOTO = {
  url: 'https://old.example/wp-content/uploads/2021/03/mosque.jpg',
  alt: 'مئذنة "الجامع" <القديم>',
  caption: 'المسجد الكبير & ساحته',
};

function render(text: string, attachments = {}) {
  const { context, counted } = testContext(attachments);
  return { html: renderShortcodes(text, context), counted: Object.fromEntries(counted) };
}

describe('shortcode attributes', () => {
  it('reads named, quoted, unquoted and positional attributes', () => {
    const { named, positional } = parseShortcodeAttributes(
      ` ids="1,2,3" Columns='3' size=large\u00a0link "a b" bare`,
    );
    expect(Object.fromEntries(named)).toEqual({ ids: '1,2,3', columns: '3', size: 'large' });
    expect(positional).toEqual(['link', 'a b', 'bare']);
  });

  it('keeps the last value of a name given twice, and runs an unclosed quote to the end', () => {
    const { named } = parseShortcodeAttributes('a="1" a="2" b="open');
    expect(Object.fromEntries(named)).toEqual({ a: '2', b: 'open' });
  });
});

describe('unknown shortcodes', () => {
  it('are removed, their content kept, and counted by name', () => {
    const { html, counted } = render(
      '[vc_row][vc_column width="1/2"][tie_list type="checklist"]<ul><li>بند</li></ul>[/tie_list][/vc_column][/vc_row] [button link="https://old.example"]اشترك[/button] [contact-form-7 id="3" title="اتصل" /][box]',
    );
    expect(html).toBe('<ul><li>بند</li></ul> اشترك ');
    expect(counted).toEqual({
      tie_list: 1,
      vc_column: 1,
      vc_row: 1,
      button: 1,
      'contact-form-7': 1,
      box: 1,
    });
  });

  it('take the content up to the first closing tag of their name: the same name does not nest', () => {
    const { html, counted } = render('[a]أ[a]ب[/a]ج[/a]');
    expect(html).toBe('أبج');
    expect(counted).toEqual({ a: 2 });
  });

  it('drop a closing tag that closes nothing, also across overlapping tags', () => {
    expect(render('نص[/box] [a][b]x[/a]y[/b]').html).toBe('نص xy');
  });
});

describe('text that is not a shortcode', () => {
  it.each([
    ['Arabic-Indic digits', 'انظر الهامش [١] والمرجع [٢].'],
    ['Latin digits', 'انظر [2] و[3].'],
    ['an Arabic word', '[عاجل] سقوط أمطار غزيرة'],
    ['an ellipsis', 'قال إن [...] الأمر انتهى'],
    ['a space or nothing', 'قوسان [ ] و[]'],
    ['a name followed by punctuation', '[note: a] و[a.b]'],
    ['brackets in an HTML attribute', '<img src="a.jpg" alt="[صورة] [box]">'],
    ['an unclosed tag', 'نص [box عنوان بلا نهاية'],
    ['a capitalised word', 'القاهرة [AFP] - قال المتحدث [Video] [Reuters /]'],
    ['a capitalised closing tag', 'نص [/AFP]'],
  ])('%s stays as written', (_what, text) => {
    expect(render(text)).toEqual({ html: text, counted: {} });
  });

  it('escaped shortcodes are printed without their outer brackets, never run', () => {
    const { html, counted } = render(
      'اكتب [[gallery ids="1"]] أو [[caption]نص[/caption]] أو [[box /]] أو [[[box]',
    );
    expect(html).toBe('اكتب [gallery ids="1"] أو [caption]نص[/caption] أو [box /] أو [[');
    expect(counted).toEqual({ box: 1 });
  });
});

describe('[caption]', () => {
  it('becomes a figure with the image (and its link) and the text after it as caption', () => {
    expect(
      render(
        '[caption id="attachment_12" align="aligncenter" width="640"]<a href="https://old.example/mosque.jpg"><img class="size-large wp-image-12" src="https://old.example/mosque-640.jpg" alt="مئذنة" width="640" height="427" /></a> المسجد الكبير في المدينة القديمة[/caption]',
      ).html,
    ).toBe(
      '<figure><a href="https://old.example/mosque.jpg"><img class="size-large wp-image-12" src="https://old.example/mosque-640.jpg" alt="مئذنة" width="640" height="427" /></a><figcaption>المسجد الكبير في المدينة القديمة</figcaption></figure>',
    );
  });

  it('takes its caption from the attribute in the older form, HTML kept', () => {
    expect(
      render(
        '[wp_caption caption="صورة <a href=\'https://old.example\'>الموقع</a>"]<img src="a.jpg">[/wp_caption]',
      ).html,
    ).toBe(
      '<figure><img src="a.jpg"><figcaption>صورة <a href=\'https://old.example\'>الموقع</a></figcaption></figure>',
    );
  });

  it('keeps text written before the image in the caption, and leaves out an empty caption', () => {
    expect(
      render('[caption]قبل <img src="a.jpg"> بعد[/caption][caption]<img src="b.jpg">[/caption]')
        .html,
    ).toBe(
      '<figure><img src="a.jpg"><figcaption>قبل بعد</figcaption></figure><figure><img src="b.jpg"></figure>',
    );
  });

  it('without an image keeps its content as it is', () => {
    expect(render('[caption]نص فقط[/caption]').html).toBe('نص فقط');
  });
});

describe('[gallery]', () => {
  it('becomes one figure per known image, in order, values escaped', () => {
    const { html, counted } = render('[gallery columns="2" ids="12, 99,13" size="medium"]', {
      '12': PHOTO,
      '13': { url: 'https://old.example/b.jpg', alt: '', caption: '' },
    });
    expect(html).toBe(
      '<figure><img src="https://old.example/wp-content/uploads/2021/03/mosque.jpg" alt="مئذنة &quot;الجامع&quot; &lt;القديم&gt;"><figcaption>المسجد الكبير &amp; ساحته</figcaption></figure>' +
        '<figure><img src="https://old.example/b.jpg" alt=""></figure>',
    );
    expect(counted).toEqual({});
  });

  it('notes each attachment the export lacks, a gallery of only missing ones leaving nothing', () => {
    const { context, missing } = testContext({ '12': PHOTO });
    const html = renderShortcodes('أ[gallery ids="98,12,99"]ب[gallery ids="7"]ج', context);
    expect(html).toBe(
      'أ<figure><img src="https://old.example/wp-content/uploads/2021/03/mosque.jpg" alt="مئذنة &quot;الجامع&quot; &lt;القديم&gt;"><figcaption>المسجد الكبير &amp; ساحته</figcaption></figure>بج',
    );
    expect(missing).toEqual(['98', '99', '7']);
  });

  it('reads the older include attribute', () => {
    expect(render('[gallery include="12"]', { '12': PHOTO }).html).toContain('mosque.jpg');
  });

  it("without ids (the post's attached images) is dropped and counted", () => {
    expect(render('أ[gallery link="file"]ب')).toEqual({ html: 'أب', counted: { gallery: 1 } });
  });
});

describe('media shortcodes', () => {
  it('[embed] of a YouTube video becomes the embed figure', () => {
    expect(render('[embed width="640"]https://youtu.be/dQw4w9WgXcQ[/embed]').html).toBe(
      '<figure class="embed" data-embed="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>',
    );
  });

  it('[embed] of another site becomes a link', () => {
    expect(render('[embed]https://vimeo.com/1234?a=1&amp;b=2[/embed]').html).toBe(
      '<p><a href="https://vimeo.com/1234?a=1&amp;b=2">https://vimeo.com/1234?a=1&amp;b=2</a></p>',
    );
  });

  it('[video] and [audio] become links to their files', () => {
    expect(
      render(
        '[video width="640" mp4="https://old.example/v.mp4"][/video][audio src="https://old.example/a.mp3"]',
      ).html,
    ).toBe(
      '<p><a href="https://old.example/v.mp4">https://old.example/v.mp4</a></p><p><a href="https://old.example/a.mp3">https://old.example/a.mp3</a></p>',
    );
  });
});
