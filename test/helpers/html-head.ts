/**
 * Reads a page's head with a real HTML parser (parse5): its meta tags by
 * `property`/`name`, its links, and its JSON-LD blocks parsed as JSON.
 */
import { parse } from 'parse5';

interface Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  value?: string;
}

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const child of node.childNodes ?? []) walk(child, visit);
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

export interface PageHead {
  /** Every `<meta property|name content>` as [key, content], in order. */
  meta: Array<[string, string]>;
  /** Every `<link rel href>` as [rel, href]. */
  links: Array<[string, string]>;
  /** The JSON-LD blocks, parsed. */
  jsonLd: Array<Record<string, unknown>>;
}

export function readHead(html: string): PageHead {
  const head: PageHead = { meta: [], links: [], jsonLd: [] };
  walk(parse(html) as unknown as Node, (node) => {
    if (node.nodeName === 'meta') {
      const key = attr(node, 'property') ?? attr(node, 'name');
      const content = attr(node, 'content');
      if (key && content !== undefined) head.meta.push([key, content]);
    } else if (node.nodeName === 'link') {
      head.links.push([attr(node, 'rel') ?? '', attr(node, 'href') ?? '']);
    } else if (node.nodeName === 'script' && attr(node, 'type') === 'application/ld+json') {
      const text = (node.childNodes ?? []).map((c) => c.value ?? '').join('');
      head.jsonLd.push(JSON.parse(text) as Record<string, unknown>);
    }
  });
  return head;
}
