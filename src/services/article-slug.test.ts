import { describe, expect, it } from 'vitest';
import { importSlugBase } from './article-slug.js';

describe('importSlugBase', () => {
  it.each([
    // No slug from the source: the headline's, as the newsroom makes it.
    [
      null,
      'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
      'توافق-أمريكي-تركي-بخصوص-وقف-إطلاق-النار-في-إدلب',
    ],
    [
      '',
      'مخرج "غدوة حيّ" : الفيلم يجمع التشويق و المغامرة و الفرجة و الموسيقى',
      'مخرج-غدوة-حي-الفيلم-يجمع-التشويق-و-المغامرة-و-الفرجة-و-الموسيقى',
    ],
    // The source's own slug, kept (decoded before it gets here).
    [
      'وقف-إطلاق-النار-في-إدلب',
      'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
      'وقف-إطلاق-النار-في-إدلب',
    ],
    [
      'idlib-ceasefire-2020',
      'توافق أمريكي تركي بخصوص وقف إطلاق النار في إدلب',
      'idlib-ceasefire-2020',
    ],
    // Not usable: WordPress's number for a post saved without a title, a cut escape.
    ['1234', 'طقس اليوم الخميس', 'طقس-اليوم-الخميس'],
    ['news-%d8', 'طقس اليوم الخميس', 'طقس-اليوم-الخميس'],
    ['---', 'طقس اليوم الخميس', 'طقس-اليوم-الخميس'],
    [null, '!!!', ''],
  ])('gives (%j, %s) the base %s', (slug, headline, base) => {
    expect(importSlugBase(slug, headline)).toBe(base);
  });
});
