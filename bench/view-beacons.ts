/**
 * Views sent against views counted: `amount` view beacons (`POST
 * /views/<id>`, as the article page's script sends them), each from a
 * visitor of its own (its own user-agent and address), to one article.
 * The site counts a visitor's view of an article once in 30 minutes, so
 * every one of these must count. The count is read from the database
 * before the beacons and after the server's graceful stop, which writes
 * the buffered counts.
 */
import type { Request } from 'autocannon';
import { toArticleId } from '../src/domain/article-id.js';
import { openDatabase } from '../src/storage/database.js';
import { findViewCount } from '../src/storage/repositories/article-views.repository.js';
import { BROWSER_AGENT, runLoad, type LoadFigures } from './load.js';

/** The n-th visitor's address, in 198.18.0.0/15 (RFC 2544: for benchmarks). */
function visitorAddress(n: number): string {
  return `198.${18 + ((n >> 16) & 1)}.${(n >> 8) & 255}.${n & 255}`;
}

/** Beacon requests to `path`, each from the next visitor. */
function beaconRequests(origin: string, articlePath: string, beaconPath: string): Request[] {
  let visitor = 0;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const n = visitor++;
        return {
          ...request,
          method: 'POST',
          path: beaconPath,
          headers: {
            ...request.headers,
            'user-agent': `${BROWSER_AGENT} reader/${n}`,
            accept: '*/*',
            'x-forwarded-for': visitorAddress(n),
            // What navigator.sendBeacon() sends from the article page.
            origin,
            referer: `${origin}${articlePath}`,
            'sec-fetch-site': 'same-origin',
            'sec-fetch-mode': 'no-cors',
            'sec-fetch-dest': 'empty',
            'content-length': '0',
          },
        };
      },
    },
  ];
}

/** The stored view count of article `id` in the database `target`. */
export async function storedViews(
  target: { file: string } | { url: string },
  id: string,
): Promise<number> {
  const database = await openDatabase(
    'url' in target ? { file: '', url: target.url, migrate: false } : { ...target, migrate: false },
  );
  try {
    return (await findViewCount(database.db, toArticleId(id))) ?? 0;
  } finally {
    await database.close();
  }
}

/** Sends `amount` beacons for article `id` (page at `articlePath`) and returns the run's figures. */
export function sendBeacons(
  origin: string,
  id: string,
  articlePath: string,
  options: { amount: number; connections: number; pid: number },
): Promise<LoadFigures> {
  return runLoad({
    origin,
    path: `/views/${id}`,
    requests: beaconRequests(origin, articlePath, `/views/${id}`),
    amount: options.amount,
    connections: options.connections,
    duration: 0,
    pid: options.pid,
  });
}
