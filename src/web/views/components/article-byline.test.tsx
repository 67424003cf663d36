import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { testPageContext } from '../../../../test/helpers/page-context.js';
import { ArticleByline } from './article-byline.js';

const ctx = testPageContext();
const author = (name: string, slug: string) => ({ name, slug, photo: null, bio: '' });

describe('ArticleByline', () => {
  it("puts the first writer's photo before every writer's name, each linked", () => {
    const html = renderToString(
      <ArticleByline
        ctx={ctx}
        article={{ authors: [author('ليلى', 'layla'), author('سامر', 'samer')], byline: null }}
      >
        <p class="article__facts">facts</p>
      </ArticleByline>,
    );
    expect(html).toBe(
      '<div class="article__meta">' +
        '<span class="author-photo author-photo--small author-photo--none" aria-hidden="true">ل</span>' +
        '<div class="article__credits"><p class="article__byline">' +
        '<span class="visually-hidden">بقلم </span>' +
        '<a href="/author/layla"><bdi>ليلى</bdi></a>، <a href="/author/samer"><bdi>سامر</bdi></a></p>' +
        '<p class="article__facts">facts</p></div></div>',
    );
  });

  it('credits the agency after the writers when the article has both (a wire draft)', () => {
    const html = renderToString(
      <ArticleByline ctx={ctx} article={{ authors: [author('ليلى', 'layla')], byline: ' سانا ' }}>
        <p class="article__facts">facts</p>
      </ArticleByline>,
    );
    expect(html).toBe(
      '<div class="article__meta">' +
        '<span class="author-photo author-photo--small author-photo--none" aria-hidden="true">ل</span>' +
        '<div class="article__credits"><p class="article__byline">' +
        '<span class="visually-hidden">بقلم </span><a href="/author/layla"><bdi>ليلى</bdi></a></p>' +
        '<p class="article__source">المصدر: <bdi>سانا</bdi></p>' +
        '<p class="article__facts">facts</p></div></div>',
    );
  });

  it("does not repeat a writer's name as the source", () => {
    const html = renderToString(
      <ArticleByline ctx={ctx} article={{ authors: [author('ليلى', 'layla')], byline: 'ليلى' }} />,
    );
    expect(html).not.toContain('article__source');
  });

  it('shows an imported byline as text, without a photo', () => {
    const html = renderToString(
      <ArticleByline ctx={ctx} article={{ authors: [], byline: 'وكالات' }} />,
    );
    expect(html).toBe(
      '<div class="article__meta"><div class="article__credits"><p class="article__byline">' +
        '<span class="visually-hidden">بقلم </span><bdi>وكالات</bdi></p></div></div>',
    );
  });

  it('keeps only the facts when there is no byline', () => {
    const html = renderToString(
      <ArticleByline ctx={ctx} article={{ authors: [], byline: null }}>
        <p>facts</p>
      </ArticleByline>,
    );
    expect(html).toBe(
      '<div class="article__meta"><div class="article__credits"><p>facts</p></div></div>',
    );
  });
});
