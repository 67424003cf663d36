/**
 * What the article editor shows besides the article: the sections, the
 * people who may carry a byline, the newest images of the library, the
 * workflow log, whether the article is the lead story, whether the user
 * may change it, and the user's autosave that is newer than the last save.
 */
import type { Section } from '../domain/article.js';
import type { EditableArticle } from '../domain/editable-article.js';
import type { MediaItem } from '../domain/media.js';
import type { WorkflowEvent } from '../domain/revision.js';
import type { Actor } from '../domain/roles.js';
import type { User } from '../domain/user.js';
import { findMediaById } from '../storage/repositories/media.repository.js';
import { findAutosave, listEvents } from '../storage/repositories/revisions.repository.js';
import { listSections } from '../storage/repositories/sections.repository.js';
import { listUsers } from '../storage/repositories/users.repository.js';
import { mayEdit, type EditDeps } from './edit-article.js';
import { pinnedLeadId } from './front-page.js';
import { listMedia } from './media.js';

/** Images of the library offered in the editor's picker (the newest). */
export const EDITOR_MEDIA_LIMIT = 100;

export interface EditorPageContent {
  sections: Section[];
  /** Active users, and deactivated ones who already carry the article's byline. */
  users: User[];
  /** The newest EDITOR_MEDIA_LIMIT images, newest first; the article's featured image first if older. */
  media: MediaItem[];
  /** The article's workflow moves, in order; none for a new article. */
  events: WorkflowEvent[];
  isLead: boolean;
  /** False shows the article read-only (archived; a contributor's submitted article). */
  editable: boolean;
  /** The actor's autosave newer than the article's last save: edits not yet saved (or published). */
  pendingAutosave: { id: string; createdAt: Date } | null;
}

/** The editor's content for `article`, or for a new article when it is null, as `actor` sees it. */
export async function editorPageContent(
  deps: EditDeps,
  actor: Actor,
  article: EditableArticle | null,
): Promise<EditorPageContent> {
  const db = deps.database.db;
  const [sections, users, media, events, lead, autosave] = await Promise.all([
    listSections(db),
    listUsers(db),
    listMedia(deps, { limit: EDITOR_MEDIA_LIMIT }),
    article ? listEvents(db, article.id) : Promise.resolve([]),
    pinnedLeadId(deps),
    article ? findAutosave(db, article.id, actor.id) : Promise.resolve(null),
  ]);
  // The article's own featured image is offered even when older than the
  // newest images: otherwise saving the form would drop it.
  const featuredId = article?.featuredMediaId ?? null;
  const featured =
    featuredId !== null && !media.items.some((m) => m.id === featuredId)
      ? await findMediaById(db, featuredId)
      : null;
  return {
    sections,
    users: users.filter((u) => u.status === 'active' || article?.authorIds.includes(u.id)),
    media: featured ? [featured, ...media.items] : media.items,
    events,
    isLead: article !== null && lead === article.id,
    editable: article === null || mayEdit(actor, article),
    pendingAutosave:
      article && autosave && autosave.createdAt > article.updatedAt ? autosave : null,
  };
}
