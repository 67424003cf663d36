/** TEMPORARY STUB of H1's service (i19-core), reverted before the merge. */
import type { ArticleId } from '../domain/article-id.js';
import type { Actor } from '../domain/roles.js';
import type { EditDeps } from './edit-article.js';

export async function deleteArticleNote(_d: EditDeps, _a: Actor, _id: ArticleId, _n: string): Promise<void> {
  throw new Error('stub');
}
