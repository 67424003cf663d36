import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';
import { featureQuery } from './postgres-tsvector.js';
import { headlineBound, scoreOf, scoreParts, type Feature } from './ranking.js';
import { featureExpression } from './sqlite-fts5.js';

/** A feature as a short name: field, kind and form. */
const nameOf = (f: Feature): string =>
  f.kind === 'word'
    ? `${f.field} ${f.form} ${f.word.key}`
    : f.kind === 'surface'
      ? `${f.field} surface ${f.surface}`
      : f.kind === 'pair'
        ? `${f.field} ${f.span} ${f.a} ${f.b}`
        : `${f.field} phrase ${f.keys.join(' ')}`;

describe('scoreOf', () => {
  const parts = scoreParts(parseQuery('البنك الدولي'));

  it.each([
    [
      'both words exact in the headline, adjacent',
      [
        'headline exact البنك',
        'headline exact الدولي',
        'headline phrase البنك الدولي',
        'headline near البنك الدولي',
      ],
      24,
    ],
    [
      'both words exact in the headline, near',
      ['headline exact البنك', 'headline exact الدولي', 'headline near البنك الدولي'],
      22,
    ],
    [
      'both words exact in the headline, far apart',
      ['headline exact البنك', 'headline exact الدولي'],
      20,
    ],
    [
      'one in the headline by stem, one in the body',
      ['headline stem البنك', 'body exact الدولي'],
      6,
    ],
    [
      'an exact form counts once with its stem',
      ['headline exact البنك', 'headline stem البنك', 'body stem الدولي'],
      11,
    ],
    ['nothing', [], 0],
  ])('%s: %i', (_name, holding, score) => {
    expect(scoreOf(parts, (f) => holding.includes(nameOf(f)))).toBe(score);
  });

  it("adds the reader's spelling: 3 in the headline, else 1 in the body", () => {
    const spelled = scoreParts(parseQuery('مدرسة'));
    const holds = (names: string[]) => (f: Feature) => names.includes(nameOf(f));
    expect(scoreOf(spelled, holds(['headline exact مدرسه', 'headline surface مدرسة']))).toBe(13);
    expect(scoreOf(spelled, holds(['headline exact مدرسه', 'body surface مدرسة']))).toBe(11);
    expect(scoreOf(spelled, holds(['headline exact مدرسه']))).toBe(10);
  });

  it('weighs a quoted phrase by its words: 10 each in the headline, 2 in the body', () => {
    const quoted = scoreParts(parseQuery('"وقف إطلاق النار"'));
    expect(scoreOf(quoted, (f) => nameOf(f) === 'headline phrase وقف اطلاق النار')).toBe(30);
    expect(scoreOf(quoted, (f) => nameOf(f) === 'body phrase وقف اطلاق النار')).toBe(6);
  });
});

describe('headlineBound', () => {
  it.each([
    ['تونس', 1, 2],
    ['البنك الدولي', 3, 5],
    ['مدرسة', 2, 3],
    ['"وقف إطلاق النار"', 1, 6],
  ])('%s: %i headline parts, slack %i', (q, count, slack) => {
    const bound = headlineBound(scoreParts(parseQuery(q)));
    expect([bound.parts.length, bound.slack]).toEqual([count, slack]);
  });

  it('holds the score between the headline score and it plus the slack, for every set of features', () => {
    const parts = scoreParts(parseQuery('مدرسة البنك'));
    const bound = headlineBound(parts);
    const features = [...new Set(parts.flat().map((c) => c.feature))];
    for (let set = 0; set < 2 ** features.length; set++) {
      const holds = (f: Feature) => (set & (1 << features.indexOf(f))) !== 0;
      const [score, head] = [scoreOf(parts, holds), scoreOf(bound.parts, holds)];
      expect(score >= head && score <= head + bound.slack).toBe(true);
    }
  });
});

describe('the features on each engine', () => {
  const near: Feature = { kind: 'pair', field: 'body', span: 'near', a: 'امطار', b: 'غزيره' };

  it('FTS5: a column filter and NEAR with at most 4 words between', () => {
    expect(featureExpression(near)).toBe('{body_exact} : NEAR("امطار" "غزيره", 4)');
    expect(
      featureExpression({
        kind: 'word',
        field: 'headline',
        form: 'stem',
        word: { key: 'والاسد', stems: ['اسد', 'لاسد'] },
      }),
    ).toBe('{headline_stem} : ("اسد" OR "لاسد")');
    expect(featureExpression({ kind: 'surface', field: 'headline', surface: 'مدرسة' })).toBe(
      '{headline_surface} : "مدرسة"',
    );
  });

  it('PostgreSQL: the column, and every distance up to 5 both ways', () => {
    expect(featureQuery(near)).toEqual({
      column: 'body_exact',
      query: [1, 2, 3, 4, 5]
        .map((d) => `'امطار' <${d}> 'غزيره' | 'غزيره' <${d}> 'امطار'`)
        .join(' | '),
    });
    expect(
      featureQuery({ kind: 'pair', field: 'headline', span: 'phrase', a: 'البنك', b: 'الدولي' }),
    ).toEqual({ column: 'headline_exact', query: `'البنك' <-> 'الدولي'` });
  });
});
