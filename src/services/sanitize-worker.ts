/**
 * The worker thread of sanitizer-pool.ts. Asked `{ id, html }`, it
 * sanitises the body and answers `{ id, html }`; asked `{ id, bodies }`,
 * it prepares each (prepared-body.ts) and answers `{ id, bodies }`, one
 * `{ body }` each. A body that fails is answered `{ refused }` (a
 * BodyHtmlRefused's problem) or `{ error }` (any other failure's message).
 */
import { parentPort } from 'node:worker_threads';
import { BodyHtmlRefused, sanitizeBodyHtml } from './body-html.js';
import { prepareBody } from './prepared-body.js';

/** The answer of `work`, or of its failure. */
function answerOf<T extends object>(work: () => T): T | { refused: string } | { error: string } {
  try {
    return work();
  } catch (error) {
    return error instanceof BodyHtmlRefused
      ? { refused: error.problem }
      : { error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on(
  'message',
  (task: { id: number; html: string } | { id: number; bodies: string[] }) => {
    parentPort?.postMessage(
      'bodies' in task
        ? {
            id: task.id,
            bodies: task.bodies.map((html) => answerOf(() => ({ body: prepareBody(html) }))),
          }
        : { id: task.id, ...answerOf(() => ({ html: sanitizeBodyHtml(task.html) })) },
    );
  },
);
