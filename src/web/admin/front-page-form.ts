/**
 * Reading the front page settings form (views/front-page-settings-page.tsx):
 * the logo (`logo`, an image id or '' for none); the sections checked for
 * the menu (`menu`, repeated) and for the front page's blocks (`block`,
 * repeated), each list in the order of its numbers (`menu-order-<id>`,
 * `block-order-<id>`, smallest first; a missing number puts a section after
 * the numbered ones, equal numbers keep the form's order); the opinion
 * section (`opinion`); and the secondary leads' boxes (`secondary-1` …).
 */
import {
  MAX_SECONDARY_LEADS,
  secondaryField,
  type FrontPageInput,
} from '../../domain/front-page-settings.js';
import { cleanLine } from '../../domain/field-limits.js';
import { MAX_REDIRECT_PATH_LENGTH } from '../../domain/redirect-path.js';
import { field } from './form-errors.js';

/** The values of a repeated field (checkboxes), strings only. */
function repeated(body: unknown, name: string): string[] {
  const raw =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : [];
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
}

/** The checked ids of `name`, ordered by their `<prefix><id>` numbers. */
function ordered(body: unknown, name: string, prefix: string): string[] {
  const rank = (id: string) => {
    const text = field(body, `${prefix}${id}`).trim();
    return /^[0-9]{1,4}$/.test(text) ? Number(text) : Number.POSITIVE_INFINITY;
  };
  return repeated(body, name)
    .map((id, at) => ({ id, at, rank: rank(id) }))
    .sort((a, b) => a.rank - b.rank || a.at - b.at)
    .map((c) => c.id);
}

/** The form's values as the service takes them. */
export function frontPageInputOf(body: unknown): FrontPageInput {
  return {
    logoMediaId: field(body, 'logo').trim(),
    menuSectionIds: ordered(body, 'menu', 'menu-order-'),
    blockSectionIds: ordered(body, 'block', 'block-order-'),
    opinionSectionId: field(body, 'opinion').trim(),
    // An article's address or id: one line, without the characters XML forbids, and
    // no longer than an address may be (what is past it cannot name an article).
    secondary: Array.from({ length: MAX_SECONDARY_LEADS }, (_, at) =>
      cleanLine(field(body, secondaryField(at + 1))).slice(0, MAX_REDIRECT_PATH_LENGTH),
    ),
  };
}
