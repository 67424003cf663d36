/**
 * A Ghost post's body as HTML: Ghost's own rendering (`html`) when the
 * export has it (headings and embed cards fitted: ghost-html.ts), else rendered here from the post's source, newest format
 * first: Lexical (Ghost 5+), mobiledoc (Ghost 1–4), Markdown (Ghost 0.x).
 * Not sanitised (domain/site-import.ts `SitePost.bodyHtml`).
 */
import { renderCard, type CardContext } from './ghost-cards.js';
import { fitGhostHtml } from './ghost-html.js';
import type { GhostPostRow } from './ghost-tables.js';
import { lexicalToHtml } from './lexical-html.js';
import { mobiledocToHtml } from './mobiledoc-html.js';

/** A post's body, and why a source present in the export could not be read (or null). */
export interface GhostBody {
  html: string;
  /** E.g. `its lexical is not JSON`; the body then comes from the next source, or is ''. */
  problem: string | null;
}

type Renderer = (doc: unknown, context: CardContext) => string | null;

const SOURCES: ReadonlyArray<readonly ['lexical' | 'mobiledoc', Renderer]> = [
  ['lexical', lexicalToHtml],
  ['mobiledoc', mobiledocToHtml],
];

/** The body of `post`; '' for a post without any (an empty draft). */
export function ghostBody(post: GhostPostRow, context: CardContext): GhostBody {
  if (post.html !== null && post.html.trim() !== '') {
    return { html: fitGhostHtml(post.html), problem: null };
  }
  let problem: string | null = null;
  for (const [field, render] of SOURCES) {
    const source = post[field];
    if (source === null || source.trim() === '') continue;
    let doc: unknown;
    try {
      doc = JSON.parse(source);
    } catch {
      problem ??= `its ${field} is not JSON`;
      continue;
    }
    let html: string | null;
    try {
      html = render(doc, context);
    } catch {
      // A document nested deeper than the stack allows.
      html = null;
    }
    if (html !== null) return { html, problem: null };
    problem ??= `its ${field} is not a ${field === 'lexical' ? 'Lexical' : 'mobiledoc'} document`;
  }
  if (post.markdown !== null && post.markdown.trim() !== '') {
    return { html: renderCard('markdown', { markdown: post.markdown }, context), problem: null };
  }
  return { html: '', problem };
}
