/**
 * Which view beacons (site/view-routes.ts) count: a POST by a browser.
 * Not bots or link-preview crawlers (isbot's list), not
 * speculative prefetches, which announce themselves with `Sec-Purpose:
 * prefetch` (Fetch standard, Chromium), `Purpose: prefetch` (older
 * Chromium and Safari) or `X-Moz: prefetch` (Firefox).
 */
import type { FastifyRequest } from 'fastify';
import { isbot } from 'isbot';

export function isCountableView(request: FastifyRequest): boolean {
  if (request.method !== 'POST') return false;
  const agent = request.headers['user-agent'];
  if (!agent || isbot(agent)) return false;
  const purpose = [
    request.headers['sec-purpose'],
    request.headers['purpose'],
    request.headers['x-purpose'],
    request.headers['x-moz'],
  ]
    .flat()
    .join(' ')
    .toLowerCase();
  return !/prefetch|prerender|preview/.test(purpose);
}
