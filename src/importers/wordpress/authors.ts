/**
 * The old site's authors: the channel's `<wp:author>` entries (WXR 1.1+),
 * the logins that posts name in `dc:creator` (all a WXR 1.0 file has),
 * and Co-Authors Plus bylines, which WXR carries as item terms
 * `<category domain="author" nicename="cap-NICENAME">LOGIN</category>`
 * (the plugin's author taxonomy: term name = user_login, slug =
 * `cap-` + user_nicename; a guest author has no WordPress account).
 */
import type { SiteAuthor, SiteFeedPath } from '../../domain/site-import.js';
import { decodeSlug } from '../decode-slug.js';
import { positiveId } from './post-key.js';
import { plainDisplayName } from '../display-name.js';
import type { WxrFields, WxrTermRef } from './wxr-stream.js';

/** The authors of one export, by login, in the order they were met. */
export class AuthorRegistry {
  private readonly byKey = new Map<string, SiteAuthor>();
  /** Raw nicename (as after `cap-`) → login. */
  private readonly byNicename = new Map<string, string>();
  /** Login → the author pages' slugs (`/author/<slug>/`), the one WordPress made from the login second. */
  private readonly pageSlugs = new Map<string, string[]>();

  /** Adds the author of a `<wp:author>` entry; an entry without a login is ignored. */
  addEntry(fields: WxrFields): void {
    const login = fields.get('wp:author_login')?.trim() ?? '';
    if (login === '' || this.byKey.has(login)) return;
    const nicename = fields.get('wp:author_nicename')?.trim() ?? '';
    const email = fields.get('wp:author_email')?.trim().toLowerCase() || null;
    const displayName =
      fields.get('wp:author_display_name')?.trim() ||
      [fields.get('wp:author_first_name'), fields.get('wp:author_last_name')]
        .map((part) => part?.trim() ?? '')
        .filter((part) => part !== '')
        .join(' ') ||
      login;
    this.add(login, displayName, email, nicename || login, nicename === '');
    // `/?author=<user id>`: WordPress's query form of the author page.
    const userId = positiveId(fields.get('wp:author_id'));
    if (userId !== null) this.byKey.get(login)?.oldPaths.push(`/?author=${userId}`);
  }

  /** The key of the `dc:creator` login, adding an author named only by it; null when empty. */
  creator(login: string): string | null {
    const key = login.trim();
    if (key === '') return null;
    if (!this.byKey.has(key)) this.add(key, key, null, key, true);
    return key;
  }

  /**
   * The key of a Co-Authors Plus byline term: the author whose login is
   * the term's name, else whose nicename follows `cap-`, else a guest
   * author made from the term (key and name: the term's name).
   */
  coauthor(term: WxrTermRef): string | null {
    const nicename = term.nicename.replace(/^cap-/, '');
    const name = term.name.trim();
    if (name !== '' && this.byKey.has(name)) return name;
    const login = this.byNicename.get(nicename);
    if (login !== undefined) return login;
    const key = name || nicename;
    if (key === '') return null;
    this.add(key, key, null, nicename || key, false);
    return key;
  }

  /** True when `key` names a known author. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Every author, in the order met. */
  list(): SiteAuthor[] {
    return [...this.byKey.values()];
  }

  /** The RSS (`/author/<slug>/feed/`) and Atom (`…/feed/atom/`) feed of each author page. */
  feeds(): SiteFeedPath[] {
    return [...this.pageSlugs].flatMap(([key, slugs]) =>
      slugs.flatMap((slug): SiteFeedPath[] => [
        { oldPath: `/author/${slug}/feed/`, of: { kind: 'author', key }, format: 'rss' },
        { oldPath: `/author/${slug}/feed/atom/`, of: { kind: 'author', key }, format: 'atom' },
      ]),
    );
  }

  /**
   * `nicename` is the login when `fromLogin`: WXR carries no nicename, and
   * the page WordPress served was at the one it made from the login.
   */
  private add(
    key: string,
    displayName: string,
    email: string | null,
    nicename: string,
    fromLogin: boolean,
  ): void {
    const slug = decodeSlug(nicename);
    const made = fromLogin ? nicenameFromLogin(nicename) : '';
    const slugs = made !== '' && made !== slug ? [slug, made] : [slug];
    this.pageSlugs.set(key, slugs);
    const paths = slugs.map((pageSlug) => `/author/${pageSlug}/`);
    this.byKey.set(key, {
      key,
      displayName: plainDisplayName(displayName, key),
      email,
      slug,
      bio: '',
      oldPaths: paths,
    });
    if (!this.byNicename.has(nicename)) this.byNicename.set(nicename, key);
  }
}

/**
 * The nicename WordPress makes from a login when a user is created
 * (wp_insert_user: sanitize_user strict, then sanitize_title_with_dashes):
 * lower case, `.` to `-`, `@` and other characters dropped, dashes
 * collapsed. '' when nothing is left (a login of non-Latin letters).
 *
 * @example nicenameFromLogin('Salma.H') // 'salma-h'
 */
export function nicenameFromLogin(login: string): string {
  return login
    .toLowerCase()
    .replace(/[^a-z0-9 _.-]/g, '')
    .replace(/[.\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}
