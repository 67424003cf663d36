/**
 * What an administrator decides about the reader site's header and front
 * page: the logo (an image of the media library), the sections of the
 * header's menu in order, the sections that get a block on the front page
 * in order, the section whose articles form the opinion block, and the
 * secondary leads pinned under the lead story. One setting, stored as JSON;
 * plain data and rules, no I/O.
 */
import { parseArticleId, type ArticleId } from './article-id.js';
import type { Section } from './article.js';
import type { MediaItem } from './media.js';
import { storedObject } from './stored-json.js';

/** The settings key of the front-page settings (JSON, see parseFrontPageSettings). */
export const FRONT_PAGE_SETTING = 'front_page';

/** Most sections the header's menu lists. */
export const MAX_MENU_SECTIONS = 12;
/** Most section blocks the front page shows (each costs one query). */
export const MAX_SECTION_BLOCKS = 8;
/** Most secondary leads under the lead story. */
export const MAX_SECONDARY_LEADS = 4;
/** Secondary leads shown when fewer are pinned: the next newest fill up to this many. */
export const DEFAULT_SECONDARY_LEADS = 3;

/** Ids are decimal strings; lists are in the order chosen. */
export interface FrontPageSettings {
  /** The media library image shown as the logo, or null for the site's name. */
  logoMediaId: string | null;
  menuSectionIds: string[];
  blockSectionIds: string[];
  /** The section shown as the opinion block (writers' photos), or null for none. */
  opinionSectionId: string | null;
  secondaryIds: ArticleId[];
}

/** No logo, an empty menu, no blocks, no opinion block, no pinned secondary leads. */
export const NO_FRONT_PAGE_SETTINGS: FrontPageSettings = {
  logoMediaId: null,
  menuSectionIds: [],
  blockSectionIds: [],
  opinionSectionId: null,
  secondaryIds: [],
};

/** The header of every reader page, as the views receive it. */
export interface SiteHeader {
  /** The logo image, or null: the site's name is shown instead. */
  logo: MediaItem | null;
  /** The menu's sections, in the chosen order (sections since removed are left out). */
  menu: Section[];
  /**
   * The sections a lite page offers to browse (issue 22): the menu's, or,
   * when the menu is empty (a site never set up, the demo site), the first
   * MAX_MENU_SECTIONS sections that have a published article, by name (the
   * public's list of sections, taxonomy-lists.ts `sectionsWithCounts`).
   * A publish that gives a section its first article purges no page for
   * it: a cached page shows the section when next made (at most
   * MIDAD_PAGE_CACHE_SECONDS later).
   */
  browseSections: Section[];
}

/** The header with no logo and no sections (error pages, a site never set up). */
export const BARE_HEADER: SiteHeader = { logo: null, menu: [], browseSections: [] };

const ID = /^[1-9][0-9]{0,18}$/;

/** A decimal id, or null. */
function idOf(value: unknown): string | null {
  return typeof value === 'string' && ID.test(value) ? value : null;
}

/** The distinct ids of `value` in order, at most `max`. */
function idsOf(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return [];
  const ids: string[] = [];
  for (const item of value) {
    const id = idOf(item);
    if (id !== null && !ids.includes(id) && ids.length < max) ids.push(id);
  }
  return ids;
}

/**
 * The settings of a stored value: JSON of FrontPageSettings. Anything
 * unreadable counts as unset (a hand-edited setting loses only the broken
 * part); lists keep their first distinct ids, up to their limits.
 *
 * @example parseFrontPageSettings('{"menuSectionIds":["3","1","3"]}').menuSectionIds // ['3', '1']
 */
export function parseFrontPageSettings(value: string | null): FrontPageSettings {
  const record = storedObject(value);
  if (record === null) return NO_FRONT_PAGE_SETTINGS;
  return {
    logoMediaId: idOf(record.logoMediaId),
    menuSectionIds: idsOf(record.menuSectionIds, MAX_MENU_SECTIONS),
    blockSectionIds: idsOf(record.blockSectionIds, MAX_SECTION_BLOCKS),
    opinionSectionId: idOf(record.opinionSectionId),
    secondaryIds: idsOf(record.secondaryIds, MAX_SECONDARY_LEADS)
      .map(parseArticleId)
      .filter((id): id is ArticleId => id !== null),
  };
}

/** The stored form of `settings` (see parseFrontPageSettings). */
export function formatFrontPageSettings(settings: FrontPageSettings): string {
  return JSON.stringify(settings);
}

/** The parts of the settings an administrator edits, named in the success notice. */
export type FrontPageField = 'logo' | 'menu' | 'blocks' | 'opinion' | 'secondary';

/** The parts that differ between `before` and `after`, in the form's order. */
export function changedFields(
  before: FrontPageSettings,
  after: FrontPageSettings,
): FrontPageField[] {
  const same = (a: readonly string[], b: readonly string[]) => a.join(',') === b.join(',');
  const changed: FrontPageField[] = [];
  if (before.logoMediaId !== after.logoMediaId) changed.push('logo');
  if (!same(before.menuSectionIds, after.menuSectionIds)) changed.push('menu');
  if (!same(before.blockSectionIds, after.blockSectionIds)) changed.push('blocks');
  if (before.opinionSectionId !== after.opinionSectionId) changed.push('opinion');
  if (!same(before.secondaryIds, after.secondaryIds)) changed.push('secondary');
  return changed;
}

/** What the settings form sends, as typed: ids as text, '' for none. */
export interface FrontPageInput {
  logoMediaId: string;
  menuSectionIds: string[];
  blockSectionIds: string[];
  opinionSectionId: string;
  /** The secondary leads' boxes, each an article id or a link to it (`/a/<id>/…`), '' when empty. */
  secondary: string[];
}

/** The form field of the `n`th secondary lead's box (1-based). */
export const secondaryField = (n: number) => `secondary-${n}`;
