/**
 * The last line of `midad import`: what the run did to the articles, over
 * all its files, in one plain sentence or two. It counts articles (and the
 * lines and posts left out), not files: a JSON Lines file of 5,000 lines
 * is not "1 imported".
 */
import type { FileOutcome } from '../importers/import-files.js';
import { englishCount } from '../lib/english-count.js';

/**
 * `Articles: 3 created, 1 updated.`, then, when anything was left out,
 * `Not imported: 2 lines skipped, 1 post refused, 1 file refused.`
 * Kept posts (edited in the newsroom since their last import) are named
 * when there are some; a dry run says that nothing was written.
 * @example importSummary([capture, emptyFile]) === 'Articles: 1 created, 0 updated. Not imported: 1 file refused.'
 */
export function importSummary(
  outcomes: readonly FileOutcome[],
  options: { dryRun?: boolean } = {},
): string {
  const total = { created: 0, updated: 0, kept: 0, skippedLines: 0, refusedPosts: 0 };
  for (const { articles } of outcomes) {
    total.created += articles.created;
    total.updated += articles.updated;
    total.kept += articles.kept;
    total.skippedLines += articles.skippedLines;
    total.refusedPosts += articles.refusedPosts;
  }
  const refusedFiles = outcomes.filter((o) => !o.ok && !o.partial).length;
  const done = [
    `${total.created.toLocaleString('en-US')} created`,
    `${total.updated.toLocaleString('en-US')} updated`,
    ...(total.kept > 0
      ? [`${total.kept.toLocaleString('en-US')} kept as edited in the newsroom`]
      : []),
  ];
  const left = [
    ...(total.skippedLines > 0 ? [`${englishCount(total.skippedLines, 'line')} skipped`] : []),
    ...(total.refusedPosts > 0 ? [`${englishCount(total.refusedPosts, 'post')} refused`] : []),
    ...(refusedFiles > 0 ? [`${englishCount(refusedFiles, 'file')} refused`] : []),
  ];
  const articles = `Articles${options.dryRun ? ' (dry run: nothing was written)' : ''}: ${done.join(', ')}.`;
  return left.length > 0 ? `${articles} Not imported: ${left.join(', ')}.` : articles;
}
