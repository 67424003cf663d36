import { describe, expect, it } from 'vitest';
import { siteFolder, underFolder } from './site-folder.js';

describe('siteFolder', () => {
  it.each([
    ['https://x.com/blog', '/blog'],
    ['https://x.com/blog/', '/blog'],
    ['https://x.com/news/ar//', '/news/ar'],
    ['https://x.com/%d9%85%d8%af%d9%88%d9%86%d8%a9', '/مدونة'],
    ['https://x.com', ''],
    ['https://x.com/', ''],
    ['ftp://x.com/blog', ''],
    [null, ''],
  ])('gives the folder of %s as %j', (siteUrl, folder) => {
    expect(siteFolder(siteUrl)).toBe(folder);
  });
});

describe('underFolder', () => {
  it('puts every old path under the folder, and leaves them at the root', () => {
    const tag = { key: 't', oldPaths: ['/tag/x/', '/?tag=x'] };
    expect(underFolder('/blog', tag)).toEqual({
      key: 't',
      oldPaths: ['/blog/tag/x/', '/blog/?tag=x'],
    });
    expect(underFolder('', tag)).toBe(tag);
  });
});
