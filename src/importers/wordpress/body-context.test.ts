import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { SitePost } from '../../domain/site-import.js';
import { readWordPressExport } from './read-wordpress-export.js';

// The body conversion is another module's job: here it only shows what the
// context it is given answers.
vi.mock('./body/convert-body.js', () => ({
  convertWordPressBody: (
    content: string,
    context: { attachment(id: string): unknown; countShortcode(name: string): void },
  ) => {
    context.countShortcode('vc_row');
    return JSON.stringify({
      length: content.length,
      image201: context.attachment('201'),
      image404: context.attachment('404'),
    });
  },
}));

const FIXTURE = join(
  import.meta.dirname,
  '../../../test/fixtures/wordpress/block-editor-wxr-1.2.xml',
);

describe('the body conversion’s context', () => {
  it('finds attachments met anywhere in the file and counts shortcodes into the tally', async () => {
    const site = await readWordPressExport(FIXTURE, {
      timeZone: 'Asia/Riyadh',
      postTypes: [],
      viewsMetaKeys: [],
    });
    const posts: SitePost[] = [];
    for await (const post of site.posts()) posts.push(post);
    expect(JSON.parse(posts[0]?.bodyHtml ?? '')).toEqual({
      length: 335,
      image201: {
        url: 'https://akhbar.example/wp-content/uploads/2024/03/derby.jpg',
        alt: 'جماهير الهلال في المدرج',
        caption: 'فرحة الجماهير بعد الهدف',
      },
      image404: null,
    });
    expect(site.tally.shortcodes).toEqual(new Map([['vc_row', 7]]));
  });
});
