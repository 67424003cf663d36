/**
 * The worker thread of sanitizer-pool.ts: sanitises each body it is sent
 * (`{ id, html }`) and answers `{ id, html }`, or prepares it
 * (`{ id, html, prepare: true }`: prepared-body.ts) and answers
 * `{ id, body }`; on a failure `{ id, refused }` (a BodyHtmlRefused's
 * problem) or `{ id, error }` (any other failure's message).
 */
import { parentPort } from 'node:worker_threads';
import { BodyHtmlRefused, sanitizeBodyHtml } from './body-html.js';
import { prepareBody } from './prepared-body.js';

parentPort?.on('message', ({ id, html, prepare }: { id: number; html: string; prepare?: true }) => {
  try {
    parentPort?.postMessage(
      prepare ? { id, body: prepareBody(html) } : { id, html: sanitizeBodyHtml(html) },
    );
  } catch (error) {
    parentPort?.postMessage(
      error instanceof BodyHtmlRefused
        ? { id, refused: error.problem }
        : { id, error: error instanceof Error ? error.message : String(error) },
    );
  }
});
