/**
 * Word (desktop) copies a list as paragraphs styled `mso-list:l0 level1
 * lfo1`, each starting with its bullet or number in a `mso-list:Ignore`
 * span. This turns runs of such paragraphs back into real `<ul>`/`<ol>`
 * lists, nested by level, before the styles are thrown away.
 */

import { STYLE, styleValue } from './pasted-styles.js';

const MSO_LIST = /mso-list:\s*(l\d+)\s+level(\d+)/i;
const NUMBERED = /^\(?[0-9\u0660-\u0669\u06f0-\u06f9a-z\u0621-\u064a]{1,4}[.)-]$/i;

interface WordListItem {
  readonly list: string;
  readonly level: number;
}

function listItemOf(node: Node | null): WordListItem | null {
  if (!(node instanceof Element) || node.localName !== 'p') return null;
  const match = MSO_LIST.exec(`mso-list:${styleValue(node, 'mso-list')}`);
  return match ? { list: match[1] ?? '', level: Number(match[2]) } : null;
}

/** The marker's text (removed from the paragraph); '' when Word gave none. */
function takeMarker(paragraph: Element): string {
  let marker = '';
  for (const span of Array.from(paragraph.querySelectorAll('span'))) {
    if (styleValue(span, 'mso-list') === 'ignore') {
      marker ||= (span.textContent ?? '').replace(/[\s\u00a0\u200e\u200f]+/g, '');
      span.remove();
    }
  }
  return marker;
}

/** Rewrites every run of Word list paragraphs under `root` into lists. */
export function rebuildWordLists(root: Element): void {
  const document = root.ownerDocument;
  const done = new Set<Element>();
  for (const first of Array.from(root.querySelectorAll(`p[${STYLE}*="mso-list"]`))) {
    if (done.has(first) || listItemOf(first) === null) continue;
    const lists: Element[] = [];
    let item: Element | null = first;
    let list = '';
    while (item !== null) {
      const found = listItemOf(item);
      if (found === null || (list !== '' && found.list !== list)) break;
      list = found.list;
      const next = nextElement(item);
      const level = Math.min(Math.max(found.level, 1), lists.length + 1);
      const marker = takeMarker(item);
      lists.length = Math.min(lists.length, level);
      if (level > lists.length) {
        const created = document.createElement(NUMBERED.test(marker) ? 'ol' : 'ul');
        const parent = lists.at(-1)?.lastElementChild;
        if (parent) parent.append(created);
        else item.before(created);
        lists.push(created);
      }
      const li = document.createElement('li');
      lists[level - 1]?.append(li);
      li.append(item);
      done.add(item);
      item = next;
    }
  }
}

/** The next element sibling, unless text other than white space comes first. */
function nextElement(node: Element): Element | null {
  let sibling = node.nextSibling;
  while (sibling !== null && !(sibling instanceof Element)) {
    if ((sibling.textContent ?? '').trim() !== '') return null;
    sibling = sibling.nextSibling;
  }
  return sibling;
}
