/**
 * Body sanitising off the event loop: a small pool of worker threads
 * (node:worker_threads) running sanitizeBodyHtml, so that a save of a
 * long body (a few hundred ms of parse5 and sanitize-html at the size
 * limit) never holds up the pages of readers. Bodies over the limits are
 * refused on the calling thread first, at once and cheaply (a 30,000-deep
 * body after its first 33 tags), so they never queue for a worker.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { assertBodyHtmlWithinLimits, BodyHtmlRefused, sanitizeBodyHtml } from './body-html.js';
import type { BodyHtmlProblem } from '../domain/body-html-limits.js';

/** Cleans a body (`sanitizeBodyHtml`, limits included). @throws BodyHtmlRefused */
export type BodySanitizer = (html: string) => Promise<string>;

export interface SanitizerPool {
  sanitize: BodySanitizer;
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

interface Task {
  id: number;
  html: string;
  resolve: (html: string) => void;
  reject: (error: Error) => void;
}

type Answer =
  | { id: number; html: string }
  | { id: number; refused: BodyHtmlProblem }
  | { id: number; error: string };

/**
 * The worker's module: the .js beside this one, or, run from source (tests),
 * the .ts loaded through tsx's loader, registered in the new thread first.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./sanitize-worker.js', import.meta.url));
  const source = new URL('./sanitize-worker.ts', import.meta.url).href;
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(code, { eval: true });
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
    const worker = startWorker();
    worker.unref();
    started += 1;
    worker.on('message', (answer: Answer) => {
      const task = busy.get(worker);
      busy.delete(worker);
      idle.push(worker);
      if (task && task.id === answer.id) settle(task, answer);
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
      worker.postMessage({ id: task.id, html: task.html });
    }
  };

  return {
    sanitize(html) {
      try {
        assertBodyHtmlWithinLimits(html);
      } catch (error) {
        return Promise.reject(error as BodyHtmlRefused);
      }
      if (closed) return Promise.reject(new Error('the sanitiser pool is closed'));
      return new Promise((resolve, reject) => {
        waiting.push({ id: nextId++, html, resolve, reject });
        dispatch();
      });
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

function settle(task: Task, answer: Answer): void {
  if ('html' in answer) task.resolve(answer.html);
  else if ('refused' in answer) task.reject(new BodyHtmlRefused(answer.refused));
  else task.reject(new Error(`sanitising failed: ${answer.error}`));
}
