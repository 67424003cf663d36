/**
 * The old site's categories and tags: the channel's `<wp:category>` and
 * `<wp:tag>` entries, and the terms that posts carry without the channel
 * listing them. Their old addresses follow WordPress's default rewrite
 * rules (`/category/<slug>/` with the ancestors' slugs before it,
 * `/tag/<slug>/`, `/?cat=<term_id>`; their feeds `/feed/` and `/feed/atom/`).
 */
import type { SiteCategory, SiteFeedPath, SiteTag } from '../../domain/site-import.js';
import { decodeSlug } from '../decode-slug.js';
import { plainText } from './plain-text.js';
import type { WxrFields, WxrTermRef } from './wxr-stream.js';

/**
 * What an item's `<category domain="…">` is: a byline (Co-Authors Plus
 * `author`), a category, a tag (`post_tag`; `tag` in WXR 1.0), or another
 * taxonomy (null: post formats, menus, custom taxonomies; a WXR 1.0
 * `<category>` without a domain repeats a domained one).
 */
export function termRole(domain: string): 'author' | 'category' | 'tag' | null {
  if (domain === 'author' || domain === 'category') return domain;
  if (domain === 'post_tag' || domain === 'tag') return 'tag';
  return null;
}

interface Term {
  key: string;
  name: string;
  description: string;
  termId: string | null;
  parentKey: string | null;
}

/** The categories or tags of one export, by nicename, in the order met. */
export class TermRegistry {
  private readonly byKey = new Map<string, Term>();
  private readonly byTermId = new Map<string, string>();

  /** Adds a `<wp:category>` (`category`) or `<wp:tag>` (`tag`) entry. */
  addEntry(fields: WxrFields, taxonomy: 'category' | 'tag'): void {
    const field = (name: string): string => fields.get(name)?.trim() ?? '';
    const key = taxonomy === 'category' ? field('wp:category_nicename') : field('wp:tag_slug');
    if (key === '' || this.byKey.has(key)) return;
    const name = taxonomy === 'category' ? field('wp:cat_name') : field('wp:tag_name');
    const description = field(`wp:${taxonomy}_description`);
    const termId = field('wp:term_id') || null;
    const parentKey = taxonomy === 'category' ? field('wp:category_parent') || null : null;
    this.byKey.set(key, {
      key,
      name: plainText(name) || decodeSlug(key),
      description: plainText(description),
      termId,
      parentKey,
    });
    if (termId !== null && !this.byTermId.has(termId)) this.byTermId.set(termId, key);
  }

  /** The key of an item's term, adding it when the channel did not list it; null without a nicename. */
  use(term: WxrTermRef): string | null {
    const key = term.nicename.trim();
    if (key === '') return null;
    if (!this.byKey.has(key)) {
      this.byKey.set(key, {
        key,
        name: plainText(term.name) || decodeSlug(key),
        description: '',
        termId: null,
        parentKey: null,
      });
    }
    return key;
  }

  /** The key of the term whose `wp:term_id` is `id`, or null. */
  keyOfTermId(id: string): string | null {
    return this.byTermId.get(id) ?? null;
  }

  /** Every category, with its parent (null when the parent is not in the export) and old paths. */
  categories(): SiteCategory[] {
    return [...this.byKey.values()].map((term) => {
      const slug = decodeSlug(term.key);
      const chain = this.ancestors(term).map((ancestor) => decodeSlug(ancestor.key));
      const paths = [`/category/${slug}/`];
      if (chain.length > 0) paths.push(`/category/${[...chain, slug].join('/')}/`);
      if (term.termId !== null) paths.push(`/?cat=${term.termId}`);
      return {
        key: term.key,
        name: term.name,
        slug,
        parentKey: this.parentOf(term)?.key ?? null,
        description: term.description,
        oldPaths: paths,
      };
    });
  }

  /** Every tag with its old paths. */
  tags(): SiteTag[] {
    return [...this.byKey.values()].map((term) => {
      const slug = decodeSlug(term.key);
      return {
        key: term.key,
        name: term.name,
        slug,
        description: term.description,
        oldPaths: [`/tag/${slug}/`],
      };
    });
  }

  /** The RSS and Atom feed of each term (`/category/<slug>/feed/`, `/tag/<slug>/feed/atom/`). */
  feeds(kind: 'category' | 'tag'): SiteFeedPath[] {
    return [...this.byKey.values()].flatMap((term): SiteFeedPath[] => {
      const page = `/${kind}/${decodeSlug(term.key)}`;
      const of = { kind, key: term.key };
      return [
        { oldPath: `${page}/feed/`, of, format: 'rss' },
        { oldPath: `${page}/feed/atom/`, of, format: 'atom' },
      ];
    });
  }

  /** Keys of terms whose parent is named but absent. */
  orphans(): string[] {
    return [...this.byKey.values()]
      .filter((term) => term.parentKey !== null && this.parentOf(term) === null)
      .map((term) => term.key);
  }

  private parentOf(term: Term): Term | null {
    if (term.parentKey === null || term.parentKey === term.key) return null;
    return this.byKey.get(term.parentKey) ?? null;
  }

  /** The ancestors from the top down; a loop of parents stops where it closes. */
  private ancestors(term: Term): Term[] {
    const chain: Term[] = [];
    const seen = new Set([term.key]);
    for (let parent = this.parentOf(term); parent !== null; parent = this.parentOf(parent)) {
      if (seen.has(parent.key)) break;
      seen.add(parent.key);
      chain.unshift(parent);
    }
    return chain;
  }
}
