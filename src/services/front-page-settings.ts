/**
 * The administrator's settings of the reader site's header and front page
 * (domain/front-page-settings.ts): reading them, the header every page
 * shows, and saving a checked choice. Saving purges the page cache: every
 * page when the header changed (logo or menu), the home page otherwise.
 */
import type { ArticleId } from '../domain/article-id.js';
import type { Section } from '../domain/article.js';
import { parseMediaId, type MediaItem } from '../domain/media.js';
import {
  changedFields,
  formatFrontPageSettings,
  FRONT_PAGE_SETTING,
  MAX_MENU_SECTIONS,
  MAX_SECONDARY_LEADS,
  MAX_SECTION_BLOCKS,
  parseFrontPageSettings,
  secondaryField,
  type FrontPageField,
  type FrontPageInput,
  type FrontPageSettings,
  type SiteHeader,
} from '../domain/front-page-settings.js';
import { parseArticleId } from '../domain/article-id.js';
import { toLatinDigits } from '../arabic/digits.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError, InvalidInput, throwInvalidInputs } from '../lib/errors.js';
import { findMediaById, listMediaPage } from '../storage/repositories/media.repository.js';
import {
  listSectionsByIds,
  listSummariesByIds,
} from '../storage/repositories/front-page.repository.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import {
  listSectionNames,
  listSectionsWithPublished,
} from '../storage/repositories/sections.repository.js';
import { tellPublicChange, type PublicChangeDeps } from './public-changes.js';
import type { ReadDeps } from './read-pages.js';

/** The stored settings (none stored: no logo, empty lists). */
export async function getFrontPageSettings(deps: ReadDeps): Promise<FrontPageSettings> {
  return parseFrontPageSettings(await getSetting(deps.database.db, FRONT_PAGE_SETTING));
}

/**
 * The header of every reader page: the logo image (null when none is
 * chosen or it was deleted), the menu's sections in order, and the
 * sections a lite page offers to browse (SiteHeader.browseSections). Two
 * queries after the setting's, run at once (three with no menu chosen; a
 * fourth after them when every section of the menu was removed).
 */
export async function getSiteHeader(deps: ReadDeps): Promise<SiteHeader> {
  const db = deps.database.db;
  const settings = await getFrontPageSettings(deps);
  const published = () => listSectionsWithPublished(db, MAX_MENU_SECTIONS);
  const [logo, menu, withoutMenu] = await Promise.all([
    settings.logoMediaId === null ? null : findMediaById(db, settings.logoMediaId),
    listSectionsByIds(db, settings.menuSectionIds),
    settings.menuSectionIds.length === 0 ? published() : null,
  ]);
  const browseSections = menu.length > 0 ? menu : (withoutMenu ?? (await published()));
  return { logo, menu, browseSections };
}

/** The result of saving: what changed (none when the same choice was saved again) and the settings saved. */
export interface SaveFrontPageResult {
  changed: FrontPageField[];
  settings: FrontPageSettings;
}

/**
 * The article id in a secondary lead's box: digits (Arabic-Indic too), or
 * a link whose path has `/a/<id>`; null when there is none.
 * @example articleIdIn('https://news.example/a/42/slug') // '42'
 */
export function articleIdIn(text: string): ArticleId | null {
  const latin = toLatinDigits(text.trim());
  const linked = /\/a\/([0-9]+)/.exec(latin);
  return parseArticleId(linked?.[1] ?? latin);
}

/**
 * Checks and saves the settings. Every error is found, not only the first:
 * an unknown image (`logo`, MEDIA_NOT_FOUND), unknown sections or too many
 * (`menu`, `blocks`, `opinion`: FRONT_PAGE_SECTION_UNKNOWN,
 * FRONT_PAGE_TOO_MANY with `max`), a box that names no published article
 * or repeats one (`secondary-<n>`: FRONT_PAGE_ARTICLE_UNKNOWN,
 * FRONT_PAGE_ARTICLE_REPEATED), or more boxes than MAX_SECONDARY_LEADS.
 * Nothing is saved while any is found.
 * @throws FORBIDDEN (403) unless the actor manages settings (an
 *   administrator); the InvalidInput (422), or an InvalidInputs holding every problem in the form's order.
 */
export async function saveFrontPageSettings(
  deps: PublicChangeDeps,
  actor: Actor,
  input: FrontPageInput,
): Promise<SaveFrontPageResult> {
  if (!can(actor, 'settings.manage')) {
    throw new AppError('FORBIDDEN', 'Only administrators choose the front page.');
  }
  const db = deps.database.db;
  const errors: InvalidInput[] = [];
  const secondaryIds = input.secondary.slice(0, MAX_SECONDARY_LEADS).map(articleIdIn);
  // An id that is no id ('../x', '1 or 1=1') is an unknown image, never a query.
  const logoId = input.logoMediaId === '' ? null : parseMediaId(input.logoMediaId);
  const [before, sections, logo, published] = await Promise.all([
    getFrontPageSettings(deps),
    listSectionNames(db),
    logoId === null ? null : findMediaById(db, logoId),
    listSummariesByIds(
      db,
      secondaryIds.filter((id): id is ArticleId => id !== null),
    ),
  ]);
  if (input.logoMediaId !== '' && logo === null) {
    errors.push(new InvalidInput('MEDIA_NOT_FOUND', 'logo', 'No such image.'));
  }
  const known = new Set(sections.map((s: Section) => s.id));
  const checkSections = (field: string, ids: string[], max: number): string[] => {
    const chosen = [...new Set(ids)];
    if (chosen.some((id) => !known.has(id))) {
      errors.push(new InvalidInput('FRONT_PAGE_SECTION_UNKNOWN', field, 'No such section.'));
    } else if (chosen.length > max) {
      errors.push(
        new InvalidInput('FRONT_PAGE_TOO_MANY', field, `At most ${max} sections.`, { max }),
      );
    }
    return chosen;
  };
  const menuSectionIds = checkSections('menu', input.menuSectionIds, MAX_MENU_SECTIONS);
  const blockSectionIds = checkSections('blocks', input.blockSectionIds, MAX_SECTION_BLOCKS);
  const opinion = input.opinionSectionId === '' ? [] : [input.opinionSectionId];
  checkSections('opinion', opinion, 1);
  if (input.secondary.slice(MAX_SECONDARY_LEADS).some((text) => text.trim() !== '')) {
    errors.push(
      new InvalidInput('FRONT_PAGE_TOO_MANY', 'secondary', 'Too many secondary leads.', {
        max: MAX_SECONDARY_LEADS,
      }),
    );
  }
  const isPublished = new Set(published.map((a) => a.id));
  const pinned: ArticleId[] = [];
  input.secondary.slice(0, MAX_SECONDARY_LEADS).forEach((text, at) => {
    if (text.trim() === '') return;
    const id = secondaryIds[at] ?? null;
    const field = secondaryField(at + 1);
    if (id === null || !isPublished.has(id)) {
      errors.push(
        new InvalidInput('FRONT_PAGE_ARTICLE_UNKNOWN', field, 'Not a published article.', {
          value: text.trim(),
        }),
      );
    } else if (pinned.includes(id)) {
      errors.push(
        new InvalidInput('FRONT_PAGE_ARTICLE_REPEATED', field, 'This article is chosen twice.'),
      );
    } else {
      pinned.push(id);
    }
  });
  throwInvalidInputs(errors);
  const after: FrontPageSettings = {
    logoMediaId: logo === null ? null : logo.id,
    menuSectionIds,
    blockSectionIds,
    opinionSectionId: opinion[0] ?? null,
    secondaryIds: pinned,
  };
  const changed = changedFields(before, after);
  if (changed.length === 0) return { changed, settings: after };
  await setSetting(db, FRONT_PAGE_SETTING, formatFrontPageSettings(after));
  const headerChanged = changed.includes('logo') || changed.includes('menu');
  tellPublicChange(deps, { kind: headerChanged ? 'site' : 'front-page' });
  return { changed, settings: after };
}

/** Newest images offered as the logo (the current logo is offered too, however old). */
export const LOGO_CHOICES = 24;

/** What the settings page shows: the stored choice and what can be chosen. */
export interface FrontPageSettingsForm {
  settings: FrontPageSettings;
  sections: Section[];
  /** Images to choose the logo from, newest first, the current logo among them. */
  images: MediaItem[];
  /** The pinned secondary leads' headlines, by id (published ones only). */
  secondaryHeadlines: Map<string, string>;
}

/**
 * The settings page's data, in a few queries.
 * @throws FORBIDDEN (403) unless the actor manages settings (an administrator).
 */
export async function frontPageSettingsForm(
  deps: ReadDeps,
  actor: Actor,
): Promise<FrontPageSettingsForm> {
  if (!can(actor, 'settings.manage')) {
    throw new AppError('FORBIDDEN', 'Only administrators choose the front page.');
  }
  const db = deps.database.db;
  const settings = await getFrontPageSettings(deps);
  const [sections, images, logo, pinned] = await Promise.all([
    listSectionNames(db),
    listMediaPage(db, { limit: LOGO_CHOICES }),
    settings.logoMediaId === null ? null : findMediaById(db, settings.logoMediaId),
    listSummariesByIds(db, settings.secondaryIds),
  ]);
  const offered = logo && !images.some((i) => i.id === logo.id) ? [logo, ...images] : images;
  return {
    settings,
    sections,
    images: offered,
    secondaryHeadlines: new Map(pinned.map((a) => [a.id, a.headline])),
  };
}
