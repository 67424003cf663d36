/**
 * Toolbar icons: a text glyph where editors everywhere use one (B, I, H2),
 * else a small line drawing (24×24, stroked in the text colour). Icons
 * marked `mirror` point the other way in a right-to-left toolbar.
 */

export interface Icon {
  readonly glyph?: string;
  readonly paths?: string;
  readonly mirror?: boolean;
}

export const ICONS = {
  paragraph: { paths: '<path d="M13 4v16M17 4v16M19 4h-9.5a4.5 4.5 0 0 0 0 9H13"/>' },
  h2: { glyph: 'H2' },
  h3: { glyph: 'H3' },
  h4: { glyph: 'H4' },
  bold: { glyph: 'B' },
  italic: { glyph: 'I' },
  link: {
    paths:
      '<path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1"/>' +
      '<path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1"/>',
  },
  bulletList: {
    mirror: true,
    paths:
      '<path d="M9 6h11M9 12h11M9 18h11"/>' +
      '<circle cx="4.5" cy="6" r="1"/><circle cx="4.5" cy="12" r="1"/><circle cx="4.5" cy="18" r="1"/>',
  },
  orderedList: {
    mirror: true,
    paths: '<path d="M10 6h10M10 12h10M10 18h10M4 4h1.5v4M4 14.5a1.5 1.5 0 0 1 3 0L4 19h3"/>',
  },
  blockquote: {
    mirror: true,
    paths:
      '<path d="M4 7h6v6H6a2 2 0 0 1-2-2zM4 13v1a4 4 0 0 0 4 4M14 7h6v6h-4a2 2 0 0 1-2-2zM14 13v1a4 4 0 0 0 4 4"/>',
  },
  image: {
    paths:
      '<rect x="3" y="4" width="18" height="16" rx="2"/><circle cx="9" cy="10" r="2"/>' +
      '<path d="m21 16-5-5-9 9"/>',
  },
  embed: { paths: '<rect x="3" y="5" width="18" height="14" rx="3"/><path d="m10 9 5 3-5 3z"/>' },
  readAlso: {
    mirror: true,
    paths: '<path d="M6 3h9l3 3v15H6zM9 10h6M9 14h6M9 18h3"/>',
  },
  undo: {
    mirror: true,
    paths: '<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>',
  },
  redo: {
    mirror: true,
    paths: '<path d="m15 14 5-5-5-5"/><path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13"/>',
  },
} satisfies Record<string, Icon>;

const SVG = 'http://www.w3.org/2000/svg';

/** The icon's element, hidden from assistive technology (the button has the label). */
export function iconElement(icon: Icon): Element {
  if (icon.glyph !== undefined) {
    const span = document.createElement('span');
    span.className = 'midad-icon midad-icon--glyph';
    span.textContent = icon.glyph;
    span.setAttribute('aria-hidden', 'true');
    return span;
  }
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', icon.mirror ? 'midad-icon midad-icon--mirror' : 'midad-icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.innerHTML = icon.paths ?? '';
  return svg;
}
