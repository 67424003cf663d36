/**
 * The worker thread of wxr-thread.ts: reads a WordPress export with
 * readWxr and posts its records to the parent in chunks, one chunk per
 * credit the parent grants (a number posted to it), so that no more than
 * IN_FLIGHT chunks (wxr-thread.ts) ever wait in memory. Messages:
 * `{ records, done }`, then, on a failure, `{ error }` (the error's name,
 * code, message and details, for the parent to throw again).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../lib/errors.js';
import { readWxr, type WxrRecord } from './wxr-stream.js';
import type { WxrWorkerData, WxrWorkerError, WxrWorkerMessage } from './wxr-thread.js';

/** Records per chunk, at most. */
const CHUNK_RECORDS = 500;
/**
 * Characters of field text per chunk, about: a chunk closes once past it.
 * Small chunks keep the copies in flight small (a 20,000-post import's
 * peak memory: 300 MiB with 2 Mi characters a chunk, 264 with 64 Ki), and
 * a message costs a few µs.
 */
const CHUNK_CHARS = 64 * 1024;

const port = parentPort;
const data = workerData as WxrWorkerData;
let credit = 0;
let wake: (() => void) | null = null;
port?.on('message', (granted: number) => {
  credit += granted;
  wake?.();
  wake = null;
});

async function send(message: WxrWorkerMessage): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit -= 1;
  port?.postMessage(message);
}

/** About how many characters a record carries. */
function weight(record: WxrRecord): number {
  if (record.kind !== 'item') return 64;
  let chars = 0;
  for (const value of record.item.fields.values()) chars += value.length;
  return chars;
}

function describe(error: unknown): WxrWorkerError {
  if (error instanceof AppError)
    return { name: 'AppError', code: error.code, message: error.message, details: error.details };
  const code = (error as { code?: unknown } | null)?.code;
  return {
    name: error instanceof Error ? error.name : 'Error',
    code: typeof code === 'string' ? code : undefined,
    message: error instanceof Error ? error.message : String(error),
  };
}

try {
  let records: WxrRecord[] = [];
  let chars = 0;
  const options = { ...data.options, metaKeys: new Set(data.options.metaKeys) };
  for await (const record of readWxr(data.file, options)) {
    records.push(record);
    chars += weight(record);
    if (records.length >= CHUNK_RECORDS || chars >= CHUNK_CHARS) {
      await send({ records, done: false });
      records = [];
      chars = 0;
    }
  }
  await send({ records, done: true });
} catch (error) {
  port?.postMessage({ error: describe(error) } satisfies WxrWorkerMessage);
}
