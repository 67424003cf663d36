import { parseFragment } from 'parse5';
const html = process.argv[2];
const f = parseFragment(html, { sourceCodeLocationInfo: true });
function walk(n, d=0){ for (const c of n.childNodes ?? []) { const l=c.sourceCodeLocation; console.log(' '.repeat(d)+ (c.nodeName), l && [l.startOffset,l.endOffset, JSON.stringify(html.slice(l.startOffset,l.endOffset))], l?.startTag && [l.startTag.startOffset, l.startTag.endOffset], l?.endTag && 'end'); walk(c,d+1);} }
walk(f);
