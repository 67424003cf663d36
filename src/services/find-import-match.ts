/**
 * Which stored article an imported one is, so that a re-import updates it
 * and never duplicates it, and an unrelated article is never overwritten.
 *
 * In order: the same id, if the stored article is the same story (same
 * source URL, or same headline); else the same source URL; else the same
 * headline when the incoming article has a link and the stored one none (a
 * capture saved once without its link), or when it has neither id nor link
 * (that capture again). An id that belongs to another story is refused.
 *
 * With `matchBy: 'sourceUrl'` (saved HTML pages of any site) only the same
 * source URL matches: without one, or with one no article has, the article
 * is new. Two pages that share a headline (`أسعار الذهب اليوم`, every day)
 * are two articles.
 */
import { importWarning, type ImportWarning } from './import-warning.js';
import { AppError } from '../lib/errors.js';
import type { ArticleId } from '../domain/article-id.js';
import {
  findIdentityByHeadlineKey,
  findIdentityById,
  findIdentityBySourceUrl,
  type StoredIdentity,
} from '../storage/repositories/article-imports.repository.js';
import type { Db } from '../storage/db.js';

export interface ImportIdentity {
  id: ArticleId | null;
  sourceUrl: string | null;
  headlineKey: string;
  /** `identity` (default): id, source URL, headline as above; `sourceUrl`: the source URL alone. */
  matchBy?: 'identity' | 'sourceUrl';
}

export interface ImportMatch {
  /** The stored article to update, or null to create one. */
  stored: StoredIdentity | null;
  /** Notes for the person importing, e.g. that an id was kept. */
  notes: ImportWarning[];
}

/**
 * @throws AppError `IMPORT_ID_TAKEN` (409) when `id` belongs to another
 *   story; the message names it.
 */
export async function findImportMatch(db: Db, incoming: ImportIdentity): Promise<ImportMatch> {
  if (incoming.matchBy === 'sourceUrl') {
    const byUrl =
      incoming.sourceUrl === null ? null : await findIdentityBySourceUrl(db, incoming.sourceUrl);
    return { stored: byUrl ?? null, notes: [] };
  }
  if (incoming.id !== null) {
    const byId = await findIdentityById(db, incoming.id);
    if (byId) {
      const sameSource = incoming.sourceUrl !== null && byId.sourceUrl === incoming.sourceUrl;
      if (sameSource || byId.headlineKey === incoming.headlineKey)
        return { stored: byId, notes: [] };
      throw new AppError(
        'IMPORT_ID_TAKEN',
        `The id ${incoming.id} already belongs to another article («${byId.headline}», ${
          byId.sourceUrl ? `from ${byId.sourceUrl}` : 'imported without a link'
        }); nothing was written.`,
      );
    }
  }
  if (incoming.sourceUrl !== null) {
    const byUrl = await findIdentityBySourceUrl(db, incoming.sourceUrl);
    if (byUrl) return { stored: byUrl, notes: [] };
  }
  // An article with an id of its own and no link (a dataset's line) is that id's
  // article or a new one: two stories may share a headline.
  if (incoming.sourceUrl === null && incoming.id !== null) return { stored: null, notes: [] };
  const byHeadline = await findIdentityByHeadlineKey(db, incoming.headlineKey, {
    withoutSourceUrl: incoming.sourceUrl !== null,
  });
  if (!byHeadline) return { stored: null, notes: [] };
  const notes =
    incoming.id !== null && incoming.id !== byHeadline.id
      ? [
          importWarning(
            'IMPORT_MATCHED_BY_HEADLINE',
            `This is the article imported before with the same headline, so it keeps the id ${byHeadline.id}.`,
          ),
        ]
      : [];
  return { stored: byHeadline, notes };
}
