import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { AuthorBox } from './author-box.js';

const ctx = testPageContext();

describe('AuthorBox', () => {
  it("shows the writer's stand-in photo, name, bio and a link to their page", () => {
    const html = renderToString(
      <AuthorBox
        ctx={ctx}
        author={{ name: 'ليلى حسن', slug: 'ليلى-حسن', photo: null, bio: 'مراسلة الشؤون الصحية.' }}
      />,
    );
    expect(html).toBe(
      '<aside class="author-box" aria-label="عن الكاتب">' +
        '<span class="author-photo author-photo--small author-photo--none" aria-hidden="true">ل</span>' +
        '<div class="author-box__text"><p class="author-box__name"><bdi>ليلى حسن</bdi></p>' +
        '<p class="author-box__bio">مراسلة الشؤون الصحية.</p>' +
        `<a class="author-box__more" href="/author/${encodeURIComponent('ليلى-حسن')}">كل مقالات ليلى حسن</a>` +
        '</div></aside>',
    );
  });

  it('has no bio paragraph when the writer has none', () => {
    const html = renderToString(
      <AuthorBox ctx={ctx} author={{ name: 'سامر', slug: 'samer', photo: null, bio: '' }} />,
    );
    expect(html).not.toContain('author-box__bio');
  });
});
