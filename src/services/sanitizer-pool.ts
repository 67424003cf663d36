/**
 * Body sanitising off the event loop: a small pool of worker threads
 * (node:worker_threads) running sanitizeBodyHtml, so that a save of a
 * long body (a few hundred ms of parse5 and sanitize-html at the size
 * limit) never holds up the pages of readers. Bodies over the limits are
 * refused on the calling thread first, at once and cheaply (a 30,000-deep
 * body after its first 33 tags), so they never queue for a worker. The
 * same threads also prepare bodies for storing (prepared-body.ts: cleaned,
 * then read for their text and search keys), which a large import spreads
 * over both cores.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../lib/module-worker.js';
import { assertBodyHtmlWithinLimits, BodyHtmlRefused, sanitizeBodyHtml } from './body-html.js';
import type { BodyHtmlProblem } from '../domain/body-html-limits.js';
import type { BodyPreparer, PreparedBody } from './prepared-body.js';

/** Cleans a body (`sanitizeBodyHtml`, limits included). @throws BodyHtmlRefused */
export type BodySanitizer = (html: string) => Promise<string>;

export interface SanitizerPool {
  sanitize: BodySanitizer;
  /** prepareBody (prepared-body.ts) of each body, on a thread of the pool, in one message. */
  prepare: BodyPreparer;
  /** Stops the threads; bodies still waiting are refused with an Error. */
  close(): Promise<void>;
}

/** Sanitises on the calling thread (tests, CLI): the limits still hold. */
export const sanitizeHere: BodySanitizer = (html) => Promise.resolve(sanitizeBodyHtml(html));

/**
 * Threads by default: one per core but one, at most two, at least one. A
 * body takes a thread for a few hundred ms at most (the size limit bounds
 * it), so two threads serve a newsroom's saves.
 */
export function defaultSanitizerThreads(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

/** What a worker is asked: one body to sanitise, or bodies to prepare. */
type Request = { html: string } | { bodies: readonly string[] };

/** One body's outcome, as a worker answers it. */
type BodyAnswer = { html: string } | { refused: BodyHtmlProblem } | { error: string };

type Answer =
  | ({ id: number } & BodyAnswer)
  | {
      id: number;
      bodies: Array<{ body: PreparedBody } | { refused: BodyHtmlProblem } | { error: string }>;
    };

interface Task {
  id: number;
  request: Request;
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
}

/** The error of a body a worker could not take. */
function failureOf(answer: { refused: BodyHtmlProblem } | { error: string }): Error {
  return 'refused' in answer
    ? new BodyHtmlRefused(answer.refused)
    : new Error(`sanitising failed: ${answer.error}`);
}

/**
 * A pool of `threads` workers, started on first use. Threads are unref'd
 * (they never keep the process alive); a thread that dies fails its body
 * with an Error and is replaced at the next body.
 */
export function sanitizerPool(threads = defaultSanitizerThreads()): SanitizerPool {
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const waiting: Task[] = [];
  let started = 0;
  let nextId = 1;
  let closed = false;

  const start = (): Worker => {
    const worker = startModuleWorker(import.meta.url, 'sanitize-worker');
    worker.unref();
    started += 1;
    worker.on('message', (answer: Answer) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (task && task.id === answer.id) task.resolve(answer);
      dispatch();
    });
    let lost = false;
    const lose = (error: Error) => {
      if (lost) return; // 'error' is followed by 'exit'
      lost = true;
      const task = busy.get(worker);
      busy.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      started -= 1;
      task?.reject(error);
      dispatch();
    };
    worker.on('error', lose);
    worker.on('exit', (code) => lose(new Error(`the sanitiser thread stopped (exit ${code})`)));
    return worker;
  };

  const dispatch = () => {
    while (!closed && waiting.length > 0) {
      const worker = idle.pop() ?? (started < threads ? start() : null);
      if (!worker) return;
      const task = waiting.shift() as Task;
      busy.set(worker, task);
      worker.postMessage({ id: task.id, ...task.request });
    }
  };

  const submit = (request: Request) =>
    new Promise<Answer>((resolve, reject) => {
      if (closed) throw new Error('the sanitiser pool is closed');
      waiting.push({ id: nextId++, request, resolve, reject });
      dispatch();
    });

  return {
    async sanitize(html) {
      assertBodyHtmlWithinLimits(html);
      const answer = await submit({ html });
      if ('html' in answer) return answer.html;
      throw 'bodies' in answer ? new Error('unexpected answer') : failureOf(answer);
    },
    async prepare(bodies) {
      // Bodies to prepare were checked by their caller (an import's startPost).
      const answer = await submit({ bodies });
      if (!('bodies' in answer)) throw new Error('unexpected answer');
      return answer.bodies.map((one) =>
        'body' in one
          ? { ok: true as const, body: one.body }
          : { ok: false as const, error: failureOf(one) },
      );
    },
    async close() {
      closed = true;
      for (const task of waiting.splice(0)) task.reject(new Error('the sanitiser pool is closed'));
      const workers = [...idle, ...busy.keys()];
      idle.length = 0;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
