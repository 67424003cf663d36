/**
 * The agency's publishing status of an item as the formats write it
 * (domain/wire-item.ts WirePubStatus): NewsML-G2 `itemMeta/pubStatus`
 * (`@qcode` in the IPTC scheme `pubstatusg2`, usually under its alias
 * `stat:`, or `@uri` / a literal URI), NITF `docdata@management-status`,
 * NewsML 1.x `NewsManagement/Status@FormalName`.
 */
import type { WirePubStatus } from '../../domain/wire-item.js';

/** The IPTC scheme of NewsML-G2 publishing statuses (its usual alias is `stat`). */
export const PUB_STATUS_SCHEME = 'http://cv.iptc.org/newscodes/pubstatusg2/';

/**
 * A status code as written, in any case (`canceled`, `Canceled`,
 * `cancelled`, `withheld`, `embargoed`, `usable`) → WirePubStatus; an
 * embargo is a withholding; null when the code is none of them.
 */
export function pubStatusCode(code: string): WirePubStatus | null {
  switch (code.trim().toLowerCase()) {
    case 'usable':
      return 'usable';
    case 'withheld':
    case 'embargoed':
      return 'withheld';
    case 'canceled':
    case 'cancelled':
      return 'canceled';
    default:
      return null;
  }
}

/**
 * A NewsML-G2 `pubStatus`'s status from its `qcode` (`stat:canceled`, or
 * the code under any other alias the catalog gives the scheme) or its
 * `uri` (`http://cv.iptc.org/newscodes/pubstatusg2/canceled`, also
 * accepted written in `qcode`); null when neither names a known status.
 */
export function g2PubStatus(
  qcode: string | null | undefined,
  uri: string | null | undefined,
): WirePubStatus | null {
  for (const raw of [uri, qcode]) {
    const text = raw?.trim() ?? '';
    if (text === '') continue;
    if (text.toLowerCase().startsWith(PUB_STATUS_SCHEME)) {
      const found = pubStatusCode(text.slice(PUB_STATUS_SCHEME.length).replace(/\/$/, ''));
      if (found !== null) return found;
      continue;
    }
    const colon = text.indexOf(':');
    if (colon > 0 && !text.includes('/')) {
      const found = pubStatusCode(text.slice(colon + 1));
      if (found !== null) return found;
    }
  }
  return null;
}
