/**
 * The per-visitor window against double counts: a reader who reloads an
 * article, or opens it again from another tab, within `windowMs` counts
 * once.
 *
 * No personal data is kept: a visitor (the caller passes its address and
 * browser string) is remembered only as a truncated SHA-256 of a random
 * salt, the visitor and the article. The salt lives in memory only and is
 * replaced at each UTC midnight, when everything remembered is dropped, so
 * that no hash can be linked to an address afterwards, nor to the same
 * visitor on another day (the "daily salt" of Plausible and Fathom).
 * Memory is bounded: past `maxEntries` the oldest are forgotten first.
 */
import { createHash, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ArticleId } from '../domain/article-id.js';

export interface RepeatViewOptions {
  /** How long a visitor's view of an article is remembered, ms (default 30 minutes). */
  windowMs?: number;
  /** Most visitor–article pairs remembered (default 100,000; about 20 MB). */
  maxEntries?: number;
  /** The clock (UTC). */
  now?: () => Date;
}

/** A visit is remembered for 30 minutes, the session length web analytics use. */
export const REPEAT_VIEW_WINDOW_MS = 30 * 60_000;

export class RepeatViews {
  readonly #windowMs: number;
  readonly #now: () => Date;
  /** Hash → when the view stops counting as recent (ms since the epoch). */
  readonly #seen: LRUCache<string, number>;
  #salt = randomBytes(32);
  #saltDay = '';

  constructor(options: RepeatViewOptions = {}) {
    this.#windowMs = options.windowMs ?? REPEAT_VIEW_WINDOW_MS;
    this.#now = options.now ?? (() => new Date());
    this.#seen = new LRUCache({ max: options.maxEntries ?? 100_000 });
  }

  /**
   * Whether this is `visitor`'s first view of `articleId` within the
   * window; remembers it when it is.
   */
  isFirstView(visitor: string, articleId: ArticleId): boolean {
    const now = this.#now();
    const day = now.toISOString().slice(0, 10);
    if (day !== this.#saltDay) {
      this.#salt = randomBytes(32);
      this.#saltDay = day;
      this.#seen.clear();
    }
    const key = createHash('sha256')
      .update(this.#salt)
      .update(`${articleId}\n${visitor}`)
      .digest('base64url')
      .slice(0, 16);
    const until = this.#seen.get(key);
    if (until !== undefined && until > now.getTime()) return false;
    this.#seen.set(key, now.getTime() + this.#windowMs);
    return true;
  }
}
