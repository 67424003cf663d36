/**
 * The worker thread of sanitizer-pool.ts: sanitises each body it is sent
 * and answers `{ id, html }`, or `{ id, refused }` (a BodyHtmlRefused's
 * problem), or `{ id, error }` (any other failure's message).
 */
import { parentPort } from 'node:worker_threads';
import { BodyHtmlRefused, sanitizeBodyHtml } from './body-html.js';

parentPort?.on('message', ({ id, html }: { id: number; html: string }) => {
  try {
    parentPort?.postMessage({ id, html: sanitizeBodyHtml(html) });
  } catch (error) {
    parentPort?.postMessage(
      error instanceof BodyHtmlRefused
        ? { id, refused: error.problem }
        : { id, error: error instanceof Error ? error.message : String(error) },
    );
  }
});
