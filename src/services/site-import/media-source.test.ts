import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testFolder } from '../../../test/helpers/temp-folder.js';
import {
  candidatePaths,
  localImagesOf,
  localPathOf,
  sameShape,
  type LocalImage,
} from './media-source.js';

const SITE = 'https://old.example';

/** The candidates as relative paths, for reading. */
function paths(url: string, siteUrl: string | null = SITE): string[] {
  return candidatePaths(url, siteUrl).map((c) => c.segments.join('/'));
}

async function put(root: string, ...files: string[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), file);
  }
}

describe('candidatePaths', () => {
  it('maps a WordPress upload to the folder itself, then uploads/, then wp-content/uploads/', () => {
    expect(paths('https://old.example/wp-content/uploads/2021/01/photo.jpg')).toEqual([
      '2021/01/photo.jpg',
      'uploads/2021/01/photo.jpg',
      'wp-content/uploads/2021/01/photo.jpg',
    ]);
  });

  it('percent-decodes an Arabic file name, NFC first, then as decoded and NFD', () => {
    // صورة has no composed letters: NFC, as decoded and NFD are one form.
    expect(paths(`${SITE}/wp-content/uploads/2021/01/%D8%B5%D9%88%D8%B1%D8%A9.jpg`)).toEqual([
      '2021/01/صورة.jpg',
      'uploads/2021/01/صورة.jpg',
      'wp-content/uploads/2021/01/صورة.jpg',
    ]);
    // آ written as ا + madda (NFD) in the URL: tried as آ (NFC) first.
    const nfd = encodeURIComponent('\u0627\u0653\u062f\u0627\u0628.jpg');
    expect(paths(`${SITE}/wp-content/uploads/${nfd}`)).toEqual([
      '\u0622\u062f\u0627\u0628.jpg',
      'uploads/\u0622\u062f\u0627\u0628.jpg',
      'wp-content/uploads/\u0622\u062f\u0627\u0628.jpg',
      '\u0627\u0653\u062f\u0627\u0628.jpg',
      'uploads/\u0627\u0653\u062f\u0627\u0628.jpg',
      'wp-content/uploads/\u0627\u0653\u062f\u0627\u0628.jpg',
    ]);
  });

  it('offers the full-size files of a WordPress sized copy first, then the copy itself', () => {
    expect(candidatePaths(`${SITE}/wp-content/uploads/2021/01/x-300x200.jpg`, SITE)).toEqual([
      { segments: ['2021', '01', 'x-scaled.jpg'], sizedAs: { width: 300, height: 200 } },
      { segments: ['uploads', '2021', '01', 'x-scaled.jpg'], sizedAs: { width: 300, height: 200 } },
      {
        segments: ['wp-content', 'uploads', '2021', '01', 'x-scaled.jpg'],
        sizedAs: { width: 300, height: 200 },
      },
      { segments: ['2021', '01', 'x.jpg'], sizedAs: { width: 300, height: 200 } },
      { segments: ['uploads', '2021', '01', 'x.jpg'], sizedAs: { width: 300, height: 200 } },
      {
        segments: ['wp-content', 'uploads', '2021', '01', 'x.jpg'],
        sizedAs: { width: 300, height: 200 },
      },
      { segments: ['2021', '01', 'x-300x200.jpg'], sizedAs: null },
      { segments: ['uploads', '2021', '01', 'x-300x200.jpg'], sizedAs: null },
      { segments: ['wp-content', 'uploads', '2021', '01', 'x-300x200.jpg'], sizedAs: null },
    ]);
  });

  it('maps Ghost images, by placeholder or address, and a Ghost size to its original', () => {
    const expected = ['2021/01/x.jpg', 'images/2021/01/x.jpg', 'content/images/2021/01/x.jpg'];
    expect(paths('__GHOST_URL__/content/images/2021/01/x.jpg', null)).toEqual(expected);
    expect(paths('__GHOST_URL__/content/images/2021/01/x.jpg')).toEqual(expected);
    expect(paths(`${SITE}/content/images/2021/01/x.jpg`)).toEqual(expected);
    expect(paths(`${SITE}/content/images/size/w600/2021/01/x.jpg`)).toEqual(expected);
    expect(paths(`${SITE}/content/images/size/w1000h500/format/webp/2021/01/x.jpg`)).toEqual(
      expected,
    );
    // A Ghost name that looks like a WordPress size is a file of its own.
    expect(paths(`${SITE}/content/images/2021/01/x-300x200.jpg`)[0]).toBe('2021/01/x-300x200.jpg');
  });

  it('takes the other scheme, www., a sub-folder install, a site path and Jetpack’s CDN as the old site', () => {
    const expected = ['2021/01/x.jpg', 'uploads/2021/01/x.jpg', 'wp-content/uploads/2021/01/x.jpg'];
    expect(paths('http://www.old.example/wp-content/uploads/2021/01/x.jpg')).toEqual(expected);
    expect(paths('https://old.example/blog/wp-content/uploads/2021/01/x.jpg')).toEqual(expected);
    expect(paths('/wp-content/uploads/2021/01/x.jpg')).toEqual(expected);
    expect(paths('https://i2.wp.com/old.example/wp-content/uploads/2021/01/x.jpg')).toEqual(
      expected,
    );
    expect(paths('https://other.example/wp-content/uploads/2021/01/x.jpg', null)).toEqual(expected);
  });

  it('maps nothing for another site, a non-upload path or another scheme', () => {
    expect(paths('https://other.example/wp-content/uploads/2021/01/x.jpg')).toEqual([]);
    expect(paths('https://i0.wp.com/other.example/wp-content/uploads/x.jpg')).toEqual([]);
    expect(paths(`${SITE}/images/x.jpg`)).toEqual([]);
    expect(paths('data:image/png;base64,iVBORw0KGgo=')).toEqual([]);
    expect(paths('file:///etc/passwd')).toEqual([]);
    expect(paths('__GHOST_URL__content/images/x.jpg')).toEqual([]);
  });

  it('refuses a path that could leave the folder', () => {
    expect(paths(`${SITE}/wp-content/uploads/%2e%2e/%2e%2e/wp-config.php`)).toEqual([]);
    expect(paths(`${SITE}/wp-content/uploads/2021/..%2f..%2fwp-config.php`)).toEqual([]);
    expect(paths(`${SITE}/wp-content/uploads/2021/..%5c..%5cwp-config.php`)).toEqual([]);
    expect(paths(`${SITE}/wp-content/uploads/2021//x.jpg`)).toEqual([]);
    expect(paths(`${SITE}/wp-content/uploads/x%00.jpg`)).toEqual([]);
    // The URL parser resolves plain dot segments first: this leaves /wp-content/uploads/.
    expect(paths(`${SITE}/wp-content/uploads/../../etc/passwd`)).toEqual([]);
  });
});

describe('localImagesOf', () => {
  it('finds an Arabic-named file in a copy of wp-content/uploads', async () => {
    const dir = testFolder('uploads');
    await put(dir, '2021/01/صورة.jpg');
    const url = `${SITE}/wp-content/uploads/2021/01/${encodeURIComponent('صورة')}.jpg`;
    expect(await localPathOf(url, dir, SITE)).toBe(join(dir, '2021/01/صورة.jpg'));
  });

  it('finds the file when DIR is the site root or wp-content', async () => {
    const root = testFolder('site');
    await put(root, 'wp-content/uploads/2021/01/x.jpg');
    const url = `${SITE}/wp-content/uploads/2021/01/x.jpg`;
    const file = join(root, 'wp-content/uploads/2021/01/x.jpg');
    expect(await localPathOf(url, root, SITE)).toBe(file);
    expect(await localPathOf(url, join(root, 'wp-content'), SITE)).toBe(file);
  });

  it('finds a Ghost image in a copy of content/images', async () => {
    const dir = testFolder('ghost');
    await put(dir, '2021/01/x.jpg');
    expect(await localPathOf('__GHOST_URL__/content/images/2021/01/x.jpg', dir, null)).toBe(
      join(dir, '2021/01/x.jpg'),
    );
  });

  it('offers the full-size file of a sized copy, then the copy, each once', async () => {
    const dir = testFolder('sizes');
    await put(dir, '2021/01/x.jpg', '2021/01/x-300x200.jpg');
    const url = `${SITE}/wp-content/uploads/2021/01/x-300x200.jpg`;
    expect(await localImagesOf(url, dir, SITE)).toEqual<LocalImage[]>([
      { path: join(dir, '2021/01/x.jpg'), sizedAs: { width: 300, height: 200 } },
      { path: join(dir, '2021/01/x-300x200.jpg'), sizedAs: null },
    ]);
    expect(await localPathOf(url, dir, SITE)).toBe(join(dir, '2021/01/x-300x200.jpg'));
  });

  it('falls back to the original when the sized copy is absent', async () => {
    const dir = testFolder('original');
    await put(dir, '2021/01/x.jpg');
    expect(await localPathOf(`${SITE}/wp-content/uploads/2021/01/x-1024x683.jpg`, dir, SITE)).toBe(
      join(dir, '2021/01/x.jpg'),
    );
  });

  it('ignores a symlink leading out of the folder, and a folder named like the image', async () => {
    const outside = testFolder('outside');
    await put(outside, 'secret.jpg');
    const dir = testFolder('links');
    await mkdir(join(dir, '2021'), { recursive: true });
    await symlink(join(outside, 'secret.jpg'), join(dir, '2021/x.jpg'));
    await symlink(outside, join(dir, 'elsewhere'));
    await mkdir(join(dir, '2021/folder.jpg'));
    expect(await localImagesOf(`${SITE}/wp-content/uploads/2021/x.jpg`, dir, SITE)).toEqual([]);
    expect(
      await localImagesOf(`${SITE}/wp-content/uploads/elsewhere/secret.jpg`, dir, SITE),
    ).toEqual([]);
    expect(await localImagesOf(`${SITE}/wp-content/uploads/2021/folder.jpg`, dir, SITE)).toEqual(
      [],
    );
  });

  it('follows a symlink that stays inside the folder', async () => {
    const dir = testFolder('inner');
    await put(dir, 'real/x.jpg');
    await symlink(join(dir, 'real'), join(dir, '2021'));
    expect(await localPathOf(`${SITE}/wp-content/uploads/2021/x.jpg`, dir, SITE)).toBe(
      join(dir, 'real/x.jpg'),
    );
  });

  it('does not take a sibling folder whose name starts like DIR’s', async () => {
    const parent = testFolder('prefix');
    await put(parent, 'uploads/a.jpg', 'uploads-old/x.jpg');
    await symlink(join(parent, 'uploads-old/x.jpg'), join(parent, 'uploads/x.jpg'));
    expect(
      await localPathOf(`${SITE}/wp-content/uploads/x.jpg`, join(parent, 'uploads'), SITE),
    ).toBe(null);
  });
});

describe('sameShape', () => {
  it('tells a scaled copy from a crop, within WordPress’s rounding', () => {
    expect(sameShape(1200, 800, { width: 300, height: 200 })).toBe(true);
    expect(sameShape(1000, 667, { width: 300, height: 200 })).toBe(true);
    expect(sameShape(1200, 800, { width: 150, height: 150 })).toBe(false);
  });
});
