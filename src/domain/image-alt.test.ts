import { describe, expect, it } from 'vitest';
import {
  bodyImagesNewlyWithoutAlt,
  bodyImagesWithoutAlt,
  imagesNewlyWithoutAlt,
  imagesWithoutAlt,
} from './image-alt.js';

describe('imagesWithoutAlt', () => {
  it('finds nothing in a body whose images all have alt text', () => {
    const body =
      '<p>نص</p><figure><img src="/media/1/w960.webp" alt="دخان فوق إدلب"><figcaption>تعليق</figcaption></figure>';
    expect(imagesWithoutAlt(body)).toEqual([]);
  });

  it('finds nothing in a body without images', () => {
    expect(imagesWithoutAlt('<p>توافق أمريكي تركي بخصوص وقف إطلاق النار</p>')).toEqual([]);
    expect(imagesWithoutAlt('')).toEqual([]);
  });

  it('lists, in order, images whose alt is missing, empty, blank or only marks', () => {
    const body = [
      '<img src="/media/1/w960.webp">',
      '<img alt="" src="/media/2/w960.webp">',
      '<IMG SRC="/media/3/w960.webp" ALT="   ">',
      '<img src="/media/4/w960.webp" alt="&nbsp;">',
      '<img src="/media/5/w960.webp" alt="&#x200F;">',
      '<img src="/media/6/w960.webp" alt>',
      '<img src="/media/7/w960.webp" alt="خريطة">',
      '<img alt="">',
    ].join('');
    expect(imagesWithoutAlt(body)).toEqual([
      '/media/1/w960.webp',
      '/media/2/w960.webp',
      '/media/3/w960.webp',
      '/media/4/w960.webp',
      '/media/5/w960.webp',
      '/media/6/w960.webp',
      '',
    ]);
  });

  it('decodes entities in src and alt', () => {
    expect(imagesWithoutAlt('<img src="/a.webp?x=1&amp;y=2" alt="">')).toEqual(['/a.webp?x=1&y=2']);
    expect(imagesWithoutAlt('<img src="/a.webp" alt="&quot;حلب&quot;">')).toEqual([]);
  });

  it('is not fooled by images in comments, scripts, or attribute values', () => {
    const body = [
      '<!-- <img src="/commented.webp"> -->',
      '<script>document.write(\'<img src="/scripted.webp">\')</script>',
      '<a title="<img src=/attribute.webp>" href="/x">رابط</a>',
      '<p>&lt;img src="/escaped.webp"&gt;</p>',
    ].join('');
    expect(imagesWithoutAlt(body)).toEqual([]);
  });

  it('counts alt on the image itself, not on a wrapper', () => {
    expect(imagesWithoutAlt('<figure alt="x"><img src="/b.webp"></figure>')).toEqual(['/b.webp']);
  });
});

describe('imagesNewlyWithoutAlt', () => {
  const published =
    '<p>نص</p><img src="/wp-content/uploads/2014/05/idlib.jpg"><img src="/media/2/w960.webp" alt="خريطة">';

  it('excuses images the published version already showed without alt text', () => {
    expect(imagesNewlyWithoutAlt(`<p>نص مصحح</p>${published}`, published)).toEqual([]);
  });

  it('lists an image added without alt text in this edit', () => {
    const edited = `${published}<img src="/media/9/w960.webp">`;
    expect(imagesNewlyWithoutAlt(edited, published)).toEqual(['/media/9/w960.webp']);
  });

  it('lists an image whose alt text this edit removed', () => {
    const edited = published.replace('alt="خريطة"', 'alt=""');
    expect(imagesNewlyWithoutAlt(edited, published)).toEqual(['/media/2/w960.webp']);
  });

  it('excuses each published image once: a second copy without alt is new', () => {
    const edited = `${published}<img src="/wp-content/uploads/2014/05/idlib.jpg">`;
    expect(imagesNewlyWithoutAlt(edited, published)).toEqual([
      '/wp-content/uploads/2014/05/idlib.jpg',
    ]);
  });

  it('lists every image lacking alt text when there was no published body', () => {
    expect(imagesNewlyWithoutAlt(published, '')).toEqual(['/wp-content/uploads/2014/05/idlib.jpg']);
  });
});

describe('bodyImagesWithoutAlt', () => {
  it('gives each image lacking alt text its place among all the body’s images', () => {
    const body =
      '<p>نص</p><img src="/media/1/w960.webp" alt="خريطة"><!-- <img src="/x.webp"> --><img src="/media/2/w960.webp" alt="&nbsp;"><img src="/media/3/w960.webp">';
    expect(bodyImagesWithoutAlt(body)).toEqual([
      { src: '/media/2/w960.webp', position: 2 },
      { src: '/media/3/w960.webp', position: 3 },
    ]);
  });

  it('keeps the places of the body when a published image is excused', () => {
    const published = '<img src="/old.jpg">';
    const edited = '<img src="/media/1/w960.webp" alt=""><img src="/old.jpg">';
    expect(bodyImagesNewlyWithoutAlt(edited, published)).toEqual([
      { src: '/media/1/w960.webp', position: 1 },
    ]);
  });
});
