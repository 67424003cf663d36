/**
 * An article's revisions (every save, whole), what changed since one, and its
 * workflow log, as the newsroom sees them. Plain data, no I/O.
 */
import type { ArticleId } from './article-id.js';
import type { ArticleContent } from './editable-article.js';

/** What made a revision: a save, an autosave, a restore of an older one, or an import. */
export type RevisionKind = 'save' | 'autosave' | 'restore' | 'import';

/** A revision in the list: who made it, when and how. */
export interface RevisionSummary {
  id: string;
  kind: RevisionKind;
  userName: string | null;
  createdAt: Date;
}

/** A revision with the whole content it kept. */
export interface Revision extends RevisionSummary {
  articleId: ArticleId;
  content: ArticleContent;
}

/** A workflow move in an article's log: `submit` from `draft` to `review`, by whom, when. */
export interface WorkflowEvent {
  move: string;
  fromStatus: string;
  toStatus: string;
  userName: string | null;
  at: Date;
}

/** A run of a diff: kept, added in the newer text, or removed from the older. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * What changed from a revision to the article as it is now: a word diff of
 * the headline, the excerpt and the body's text (services/article-revisions.ts).
 */
export interface RevisionDiff {
  revision: Revision;
  headline: DiffPart[];
  excerpt: DiffPart[];
  body: DiffPart[];
}
