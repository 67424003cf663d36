/**
 * Private preview links of unpublished articles: `/preview/<token>`, with a
 * random 256-bit token of which only the SHA-256 is stored. Making a new
 * link revokes the old one.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Actor } from '../domain/roles.js';
import { randomToken, sha256Hex } from '../lib/tokens.js';
import {
  findArticleIdByPreviewHash,
  updatePreviewTokenHash,
} from '../storage/repositories/newsroom-articles.repository.js';
import { assertCanView, loadArticle, type EditDeps } from './edit-article.js';

/** Makes a new preview token for the article; the previous link stops working. */
export async function createPreviewToken(
  deps: EditDeps,
  actor: Actor,
  id: ArticleId,
): Promise<string> {
  assertCanView(actor, await loadArticle(deps, id));
  const token = randomToken();
  await updatePreviewTokenHash(deps.database.db, id, sha256Hex(token));
  return token;
}

/** The article a preview token opens, or null for an unknown or malformed token. */
export async function articleIdOfPreview(deps: EditDeps, token: string): Promise<ArticleId | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return findArticleIdByPreviewHash(deps.database.db, sha256Hex(token));
}
