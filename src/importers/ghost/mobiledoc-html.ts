/**
 * A Ghost post's mobiledoc (the body format of Ghost 1–4) rendered as body
 * HTML, for posts whose export has no `html`.
 *
 * Format: Bustle's Mobiledoc 0.3 (`mobiledoc-kit` MOBILEDOC.md): `markups`
 * are `[tagName, [attrName, attrValue, …]]`; `atoms` `[name, text,
 * payload]`; `cards` `[name, payload]`; `sections` are markup sections
 * `[1, tagName, markers]`, image sections `[2, src]`, list sections `[3,
 * 'ul'|'ol', [markers, …]]` and card sections `[10, cardIndex]`. A marker
 * is `[0, openedMarkups, closedCount, text]` (text) or `[1, …, atomIndex]`
 * (atom); Mobiledoc 0.2's `[openedMarkups, closedCount, text]` is read too.
 *
 * Headings are kept within the body's h2–h4 (h1 → h2, h5 and h6 → h4);
 * Ghost's `aside` (its second quote style) becomes a blockquote, as the
 * body's `<aside>` is only for "read also" boxes. Empty sections are left
 * out. The only atom Ghost writes, `soft-return`, is a `<br>`.
 */
import { escapeHtml, escapeTextNode } from '../../lib/escape-html.js';
import { renderCard, type CardContext, type CardPayload } from './ghost-cards.js';

const SECTION_TAGS: Readonly<Record<string, string>> = {
  p: 'p',
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h4',
  h6: 'h4',
  blockquote: 'blockquote',
  aside: 'blockquote',
  'pull-quote': 'blockquote',
};

const INLINE_TAGS: Readonly<Record<string, string>> = {
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  a: 'a',
  code: 'code',
  s: 's',
  u: 'u',
  sub: 'sub',
  sup: 'sup',
};

interface Document {
  markups: unknown[];
  atoms: unknown[];
  cards: unknown[];
  context: CardContext;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The HTML of the mobiledoc `doc` (parsed JSON), or null when it is not a
 * mobiledoc document (no `sections` list). Unknown cards are dropped and
 * counted through `context`.
 * @example mobiledocToHtml({ version: '0.3.1', markups: [['strong']], atoms: [], cards: [],
 *   sections: [[1, 'h1', [[0, [0], 1, 'عاجل']]]] }, context) === '<h2><strong>عاجل</strong></h2>'
 */
export function mobiledocToHtml(doc: unknown, context: CardContext): string | null {
  if (
    typeof doc !== 'object' ||
    doc === null ||
    !Array.isArray((doc as { sections?: unknown }).sections)
  ) {
    return null;
  }
  const source = doc as Record<string, unknown>;
  const document: Document = {
    markups: list(source['markups']),
    atoms: list(source['atoms']),
    cards: list(source['cards']),
    context,
  };
  return list(source['sections'])
    .map((section) => sectionHtml(list(section), document))
    .filter((html) => html !== '')
    .join('\n');
}

function sectionHtml(section: unknown[], document: Document): string {
  switch (section[0]) {
    case 1: {
      const tag = SECTION_TAGS[String(section[1]).toLowerCase()] ?? 'p';
      const inner = markersHtml(list(section[2]), document);
      return inner === '' ? '' : `<${tag}>${inner}</${tag}>`;
    }
    case 2: {
      const src = typeof section[1] === 'string' ? section[1] : '';
      return src === '' ? '' : `<figure><img src="${escapeHtml(src)}" alt=""></figure>`;
    }
    case 3: {
      const tag = String(section[1]).toLowerCase() === 'ol' ? 'ol' : 'ul';
      const items = list(section[2])
        .map((markers) => `<li>${markersHtml(list(markers), document)}</li>`)
        .join('');
      return items === '' ? '' : `<${tag}>${items}</${tag}>`;
    }
    case 10: {
      const card = list(document.cards[Number(section[1])]);
      const payload = card[1];
      const name = typeof card[0] === 'string' ? card[0] : 'unknown';
      const fields =
        typeof payload === 'object' && payload !== null ? (payload as CardPayload) : {};
      return renderCard(name, fields, document.context);
    }
    default:
      return '';
  }
}

/** A markup's opening and closing tags; both '' for a markup the body does not use. */
function markupTags(markup: unknown[]): [open: string, close: string] {
  const tag = INLINE_TAGS[String(markup[0]).toLowerCase()];
  if (tag === undefined) return ['', ''];
  if (tag !== 'a') return [`<${tag}>`, `</${tag}>`];
  const attributes = list(markup[1]);
  const at = attributes.findIndex((value, i) => i % 2 === 0 && value === 'href');
  const href = at >= 0 && typeof attributes[at + 1] === 'string' ? String(attributes[at + 1]) : '';
  return [`<a href="${escapeHtml(href)}">`, '</a>'];
}

function markersHtml(markers: unknown[], document: Document): string {
  let html = '';
  const open: string[] = [];
  for (const raw of markers) {
    const marker = list(raw);
    const [type, opened, closed, value] = marker.length === 3 ? [0, ...marker] : marker;
    for (const index of list(opened)) {
      const [start, end] = markupTags(list(document.markups[Number(index)]));
      html += start;
      open.push(end);
    }
    html += type === 1 ? atomHtml(list(document.atoms[Number(value)])) : textOf(value);
    for (let i = 0; i < Number(closed) && open.length > 0; i++) html += open.pop() ?? '';
  }
  return html + open.reverse().join('');
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? escapeTextNode(value) : '';
}

function atomHtml(atom: unknown[]): string {
  return atom[0] === 'soft-return' ? '<br>' : textOf(atom[1]);
}
