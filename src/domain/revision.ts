/**
 * An article's revisions (every save, whole) and its workflow log, as the
 * newsroom sees them. Plain data, no I/O.
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
