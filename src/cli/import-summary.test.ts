import { describe, expect, it } from 'vitest';
import { NO_ARTICLES, type ArticleCounts, type FileOutcome } from '../importers/import-files.js';
import { importSummary } from './import-summary.js';

const outcome = (
  articles: Partial<ArticleCounts>,
  state: { ok?: boolean; partial?: boolean } = {},
): FileOutcome => ({
  file: 'f',
  ok: state.ok ?? true,
  ...(state.partial ? { partial: true } : {}),
  line: '',
  details: [],
  articles: { ...NO_ARTICLES, ...articles },
});

describe('importSummary', () => {
  it('counts the articles of every file, not the files', () => {
    expect(importSummary([outcome({ created: 1 }), outcome({ created: 4998, updated: 2 })])).toBe(
      'Articles: 4,999 created, 2 updated.',
    );
  });

  it('says what was left out: a JSON Lines file imported in part is its skipped lines', () => {
    expect(importSummary([outcome({ skippedLines: 1 }, { ok: false, partial: true })])).toBe(
      'Articles: 0 created, 0 updated. Not imported: 1 line skipped.',
    );
  });

  it('names refused posts, refused files and posts kept as edited in the newsroom', () => {
    expect(
      importSummary([
        outcome({ created: 7, kept: 2, refusedPosts: 3 }, { ok: false, partial: true }),
        outcome({}, { ok: false }),
        outcome({}, { ok: false }),
        outcome({ updated: 1 }),
      ]),
    ).toBe(
      'Articles: 7 created, 1 updated, 2 kept as edited in the newsroom. Not imported: 3 posts refused, 2 files refused.',
    );
  });

  it('says that a dry run wrote nothing', () => {
    expect(importSummary([outcome({ created: 7 })], { dryRun: true })).toBe(
      'Articles (dry run: nothing was written): 7 created, 0 updated.',
    );
  });
});
