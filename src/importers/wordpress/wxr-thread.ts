/**
 * readWxr (wxr-stream.ts) on a worker thread: the export's XML is parsed
 * on another core while this one stores what was read. Reading is a fifth
 * of a large import's time on one thread (saxes and the field gathering);
 * a 100,000-post export imports that much faster with the two overlapped.
 * The records are the same, in the same order, and the same errors are
 * thrown (an AppError keeps its code, message and details).
 *
 * Memory stays bounded: the worker sends records in chunks of about 64 Ki
 * characters (more only for one record that is larger), and only while
 * this side has asked for more (IN_FLIGHT chunks at most wait here).
 */
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../lib/errors.js';
import { startModuleWorker } from '../../lib/module-worker.js';
import { readWxr, type WxrReadOptions, type WxrRecord } from './wxr-stream.js';

/** Files smaller than this (bytes) are read on the calling thread: a thread costs more than it saves. */
export const THREAD_MIN_BYTES = 4 * 1024 * 1024;
/**
 * Chunks the worker may send ahead of the one being used: about half a
 * Mi characters, a hundred posts of 5,000 characters, so that the worker
 * reads on while a batch is written (import-site.ts), and the copies in
 * flight stay a few MiB.
 */
const IN_FLIGHT = 8;

/** What the worker is started with (structured-cloneable: the meta keys as an array). */
export interface WxrWorkerData {
  file: string;
  options: Omit<WxrReadOptions, 'metaKeys'> & { metaKeys: string[] };
}

/** An error of the worker, as sent. */
export interface WxrWorkerError {
  name: string;
  code: string | undefined;
  message: string;
  details?: unknown;
}

/** A message of the worker. */
export type WxrWorkerMessage = { records: WxrRecord[]; done: boolean } | { error: WxrWorkerError };

/** The worker's error as thrown here. */
function revive(sent: WxrWorkerError): Error {
  if (sent.name === 'AppError' && sent.code !== undefined)
    return new AppError(sent.code as ErrorCode, sent.message, { details: sent.details } as never);
  return Object.assign(new Error(sent.message), sent.code === undefined ? {} : { code: sent.code });
}

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * The records of the WXR file at `file`, as readWxr gives them, read on a
 * worker thread when the file has `threadFrom` bytes or more (default
 * THREAD_MIN_BYTES), else on this one.
 * @throws what readWxr throws (see there).
 */
export async function* readWxrRecords(
  file: string,
  options: WxrReadOptions,
  threadFrom = THREAD_MIN_BYTES,
): AsyncGenerator<WxrRecord, void, undefined> {
  if (fileBytes(file) < threadFrom) {
    yield* readWxr(file, options);
    return;
  }
  const workerData: WxrWorkerData = {
    file,
    options: { ...options, metaKeys: [...options.metaKeys] },
  };
  const worker: Worker = startModuleWorker(import.meta.url, 'wxr-worker', { workerData });
  const inbox: WxrWorkerMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: WxrWorkerMessage) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure ??= error;
    notify();
  });
  // A chunk that cannot be read would never be answered with credit: fail rather than wait.
  worker.on('messageerror', (error) => {
    failure ??= error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`The export's reading thread stopped (exit code ${code}).`);
    notify();
  });
  worker.postMessage(IN_FLIGHT);
  try {
    for (;;) {
      while (inbox.length === 0 && failure === null)
        await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (message === undefined) throw failure ?? new Error('unreachable');
      if ('error' in message) throw revive(message.error);
      if (!message.done) worker.postMessage(1);
      yield* message.records;
      if (message.done) return;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
