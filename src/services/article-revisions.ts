/**
 * Revisions of an article: the list, what changed between a revision and
 * the current text (a word diff of the headline, excerpt and body text, by
 * jsdiff), and restoring a revision, which is itself saved as a new
 * revision so nothing is lost.
 */
import type { diffWords } from 'diff';
import type { ArticleId } from '../domain/article-id.js';
import { htmlToText } from '../domain/html-text.js';
import type { DiffPart, RevisionDiff, RevisionSummary } from '../domain/revision.js';
import type { Actor } from '../domain/roles.js';
import { AppError } from '../lib/errors.js';
import { findRevision, listRevisions } from '../storage/repositories/revisions.repository.js';
import { assertCanView, loadArticle, saveArticle, type EditDeps } from './edit-article.js';

/** The revisions of an article, newest first, for someone who may edit it. */
export async function revisionsOf(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
): Promise<RevisionSummary[]> {
  assertCanView(actor, await loadArticle(deps, id));
  return listRevisions(deps.database.db, id);
}

function diff(words: typeof diffWords, older: string, newer: string): DiffPart[] {
  return words(older, newer).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value,
  }));
}

/**
 * What changed from revision `revisionId` to the article as it is now.
 * @throws ARTICLE_NOT_FOUND, FORBIDDEN, REVISION_NOT_FOUND (404).
 */
export async function diffRevision(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
  revisionId: string,
): Promise<RevisionDiff> {
  const article = await loadArticle(deps, id);
  assertCanView(actor, article);
  const revision = await findRevision(deps.database.db, id, revisionId);
  if (!revision) throw new AppError('REVISION_NOT_FOUND', 'No such revision.');
  // jsdiff is loaded on the first comparison, not with the server (issue 21, item 5: memory).
  const { diffWords: words } = await import('diff');
  return {
    revision,
    headline: diff(words, revision.content.headline, article.headline),
    excerpt: diff(words, revision.content.excerpt, article.excerpt),
    body: diff(
      words,
      htmlToText(revision.content.bodyHtml, 'keep'),
      htmlToText(article.bodyHtml, 'keep'),
    ),
  };
}

/**
 * Makes the article say what revision `revisionId` said, recorded as a new
 * `restore` revision. Bylines stay as they are unless the actor may change them.
 * @throws ARTICLE_NOT_FOUND, FORBIDDEN, REVISION_NOT_FOUND.
 */
export async function restoreRevision(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
  revisionId: string,
): Promise<void> {
  const revision = await findRevision(deps.database.db, id, revisionId);
  if (!revision) throw new AppError('REVISION_NOT_FOUND', 'No such revision.');
  await saveArticle(deps, actor, id, revision.content, { revisionKind: 'restore' });
}
