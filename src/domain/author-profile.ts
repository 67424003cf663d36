/**
 * What an author's public page shows of them besides their articles, and
 * what they (or an administrator) edit in the newsroom: a photo from the
 * media library, a bio (plain text) and links. Plain data, no I/O.
 */
import type { AuthorLink, AuthorLinkKind } from './author-links.js';
import type { MediaItem } from './media.js';

export interface AuthorProfile {
  userId: string;
  displayName: string;
  slug: string;
  /** The photo, or null when none is chosen (or its image is gone). */
  photo: MediaItem | null;
  /** Plain text; '' when none. Line breaks are kept. */
  bio: string;
  /** In the order AUTHOR_LINK_KINDS lists them, at most one of each kind. */
  links: AuthorLink[];
}

/** The newsroom's profile form as typed: the chosen media id ('' for none), the bio and one URL per kind. */
export interface ProfileInput {
  photoMediaId: string;
  bio: string;
  links: Partial<Record<AuthorLinkKind, string>>;
}
