/**
 * Relevance ranking, one formula for both engines. Each engine only tells,
 * per candidate article, which FEATURES of the query hold (SQLite FTS5 by
 * per-feature MATCH queries, PostgreSQL by `@@` on each row's own columns);
 * the score is built here from those yes/no answers with integer weights,
 * so it is the same number on both engines and the order is the same:
 * score descending, then newest first (undated last), then id descending
 * (search-page.ts).
 *
 * The score is a sum of PARTS; a part is worth the weight of the first of
 * its features that holds, else 0. For a query of words w1 … wn and quoted
 * phrases:
 *
 * | part                      | features, best first (weight)                                    |
 * | ------------------------- | ---------------------------------------------------------------- |
 * | each word, headline       | exact key (10), a stem (4)                                       |
 * | each word, body           | exact key (2), a stem (1)                                        |
 * | each word the reader spelled with a letter the key unifies (مدرسة) | that spelling in the headline (3), in the body (1) |
 * | each pair wi, wi+1, headline | adjacent in order (4), within NEAR_WORDS words either way (2) |
 * | each pair wi, wi+1, body  | within NEAR_WORDS words either way (1)                           |
 * | each quoted phrase of k words | in the headline (10·k), in the body (2·k)                    |
 *
 * Why so: the field weights are those the BM25 ranking used (headline
 * exact 10, headline stem 4, body exact 2, body stem 1), so a headline
 * match leads and an exact form beats a stem-only one. The reader's own
 * spelling breaks the tie between مدرسة and مدرسه (whose keys are one), but
 * never outweighs a headline match. Words next to each other, or close,
 * are what a two-word query usually means (البنك الدولي), so nearness
 * adds a bonus below a headline match of a word (in the body, nearness
 * alone: each feature costs the engines a read of its words' index
 * entries, and order in a body says little more). Term frequency, document
 * length and rarity (BM25's other terms) are left out: the engines cannot
 * compute them alike, and in news search the headline says most.
 * Features are tested on the exact-key columns for nearness (stems are
 * several a word, so their positions are not the text's).
 */
import { sql, type RawBuilder } from 'kysely';
import type { ParsedQuery, QueryWord } from './parse-query.js';

/** Words at most this far apart (positions, either order) are "near". */
export const NEAR_WORDS = 5;

export type Field = 'headline' | 'body';

/** A yes/no fact about a candidate article that both engines test alike. */
export type Feature =
  /** The word's exact key, or one of its stems, is in the field. */
  | { kind: 'word'; field: Field; form: 'exact' | 'stem'; word: QueryWord }
  /** The reader's spelling (surface.ts) is among the field's surface forms. */
  | { kind: 'surface'; field: Field; surface: string }
  /** Two exact keys: `a` just before `b` (phrase), or at most NEAR_WORDS apart either way (near). */
  | { kind: 'pair'; field: Field; span: 'phrase' | 'near'; a: string; b: string }
  /** A quoted phrase's exact keys, adjacent and in order. */
  | { kind: 'phrase'; field: Field; keys: readonly string[] };

/** A part of the score: the weight of the first feature that holds, else 0. */
export type ScorePart = ReadonlyArray<{ feature: Feature; weight: number }>;

/** The parts of the score of `query` (see the table above), in query order. */
export function scoreParts(query: ParsedQuery): ScorePart[] {
  const parts: ScorePart[] = [];
  const word = (w: QueryWord, field: Field, exact: number, stem: number): ScorePart => [
    { feature: { kind: 'word', field, form: 'exact', word: w }, weight: exact },
    ...(w.stems.some((s) => s !== '')
      ? [{ feature: { kind: 'word', field, form: 'stem', word: w } as const, weight: stem }]
      : []),
  ];
  for (const w of query.words) {
    parts.push(word(w, 'headline', 10, 4), word(w, 'body', 2, 1));
    if (w.surface)
      parts.push([
        { feature: { kind: 'surface', field: 'headline', surface: w.surface }, weight: 3 },
        { feature: { kind: 'surface', field: 'body', surface: w.surface }, weight: 1 },
      ]);
  }
  query.words.slice(1).forEach((w, i) => {
    const [a, b] = [query.words[i]!.key, w.key];
    parts.push(
      [
        { feature: { kind: 'pair', field: 'headline', span: 'phrase', a, b }, weight: 4 },
        { feature: { kind: 'pair', field: 'headline', span: 'near', a, b }, weight: 2 },
      ],
      [{ feature: { kind: 'pair', field: 'body', span: 'near', a, b }, weight: 1 }],
    );
  });
  for (const keys of query.phrases)
    parts.push([
      { feature: { kind: 'phrase', field: 'headline', keys }, weight: 10 * keys.length },
      { feature: { kind: 'phrase', field: 'body', keys }, weight: 2 * keys.length },
    ]);
  return parts;
}

/** The score of an article of which `holds` tells the features (the formula in TypeScript, for tests). */
export function scoreOf(parts: readonly ScorePart[], holds: (feature: Feature) => boolean): number {
  return parts.reduce((sum, part) => sum + (part.find((c) => holds(c.feature))?.weight ?? 0), 0);
}

/**
 * The score as an SQL expression (the same formula as `scoreOf`), given
 * each engine's SQL condition for a feature on the row being scored.
 * An integer; 0 for a query of no parts.
 */
export function scoreSql(
  parts: readonly ScorePart[],
  condition: (feature: Feature) => RawBuilder<unknown>,
): RawBuilder<number> {
  if (parts.length === 0) return sql<number>`0`;
  return sql<number>`(${sql.join(
    parts.map(
      (part) =>
        sql`case ${sql.join(
          part.map((c) => sql`when ${condition(c.feature)} then ${sql.lit(c.weight)}`),
          sql` `,
        )} else 0 end`,
    ),
    sql` + `,
  )})`;
}

/**
 * The score's headline half and what the body can add to it: `parts`
 * kept to their headline features, and `slack`, the sum over the parts of
 * their largest body weight. For every article, headline score ≤ score ≤
 * headline score + slack, since a part's weights fall from first to last
 * (scoreParts puts the headline first) so that a part worth a body weight
 * had no headline feature hold. An adapter may so score every candidate's
 * headline (small columns) and the body (large ones) only of those that
 * could still reach the page: an article whose headline score + slack is
 * below the k-th best headline score is not among the best k.
 *
 * @example headlineBound(scoreParts(parseQuery('تونس'))).slack === 2
 */
export function headlineBound(parts: readonly ScorePart[]): {
  parts: ScorePart[];
  slack: number;
} {
  const headline = parts
    .map((part) => part.filter((c) => c.feature.field === 'headline'))
    .filter((part) => part.length > 0);
  const slack = parts.reduce(
    (sum, part) =>
      sum + Math.max(0, ...part.filter((c) => c.feature.field === 'body').map((c) => c.weight)),
    0,
  );
  return { parts: headline, slack };
}
