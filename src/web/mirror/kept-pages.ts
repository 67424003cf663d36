/**
 * A `--since` run of the static mirror (issue 22) keeps the pages of the
 * articles not saved since the last run as they are on disk. When that run
 * finds that a file the earlier run held is gone (an article unpublished
 * or its slug changed, a tag or section removed), a kept page may link to
 * it (a related-stories box, a tag, a byline, on a full or a lite page):
 * this reads each kept page's links and says which pages link to a file
 * the mirror no longer holds, to be rendered again, and which files
 * (images, stylesheets) the others still use.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mirrorFileLinked } from '../../domain/mirror-path.js';

/** What the kept pages link to. */
export interface KeptPageLinks {
  /** Kept pages that link to a file no longer held: to render again. */
  stale: Set<string>;
  /** Files that the other kept pages link to and that are not pages (held says no). */
  used: Set<string>;
}

/** Link attributes as rewriteHtmlLinks writes them (`name="value"`, escaped). */
const LINK_ATTRIBUTE = /\s(href|src|action|formaction|poster|srcset)="([^"]*)"/g;

/**
 * Reads the pages `kept` (mirror files) of the mirror in `outDir` one at a
 * time and sorts them by their links, per `held` (whether the mirror holds
 * a file as a page this run) and `isResource` (whether a file is one that
 * pages use, taken when linked). A page is read only when it is a plain
 * file of the size the earlier manifest gives (`sizeOf`, bytes); any
 * other (a link, a FIFO, a file changed or grown since) is rendered again
 * unread, so no read leaves the folder, blocks or takes more than a page.
 */
export async function readKeptPageLinks(
  outDir: string,
  kept: Iterable<string>,
  held: (file: string) => boolean,
  isResource: (file: string) => boolean,
  sizeOf: (file: string) => number | undefined,
): Promise<KeptPageLinks> {
  const found: KeptPageLinks = { stale: new Set(), used: new Set() };
  for (const page of kept) {
    if (!page.endsWith('.html')) continue;
    const path = join(outDir, page);
    const stats = await lstat(path).catch(() => null);
    const plain = stats?.isFile() === true && stats.size === sizeOf(page);
    const html = plain ? await readFile(path, 'utf8').catch(() => null) : null;
    if (html === null) {
      found.stale.add(page);
      continue;
    }
    const used: string[] = [];
    let stale = false;
    for (const [, name, value] of html.matchAll(LINK_ATTRIBUTE)) {
      const urls =
        name === 'srcset' ? value!.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value!];
      for (const url of urls) {
        const file = mirrorFileLinked(page, url.replaceAll('&amp;', '&'));
        if (file === null || held(file)) continue;
        if (isResource(file)) used.push(file);
        else stale = true;
      }
    }
    if (stale) found.stale.add(page);
    else for (const file of used) found.used.add(file);
  }
  return found;
}
