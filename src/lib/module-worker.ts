/**
 * Starting a worker thread (node:worker_threads) on one of the project's
 * own modules, whether the project runs built (dist/, plain .js) or from
 * source (tests, `tsx`: .ts files, which a new thread cannot load until
 * tsx's loader is registered in it).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The young generation of a worker's heap, MiB: V8 collects a thread's
 * short-lived garbage once this much has piled up, instead of its default
 * (32 MiB a thread on 64-bit). Measured on a 20,000-post import with its
 * two threads: peak resident memory 300 MiB with the default, 264 with 8,
 * about 258 with 4, for no more time.
 */
export const WORKER_YOUNG_GENERATION_MIB = 4;

/**
 * A Worker running the module `name` (a file name without extension,
 * beside `base`, an `import.meta.url`): the .js when `base` is built, or
 * the .ts through tsx's loader, registered in the new thread first.
 * `workerData` reaches the module as node:worker_threads' `workerData`.
 *
 * @example startModuleWorker(import.meta.url, 'sanitize-worker')
 */
export function startModuleWorker(
  base: string,
  name: string,
  options: Pick<WorkerOptions, 'workerData'> = {},
): Worker {
  const settings: WorkerOptions = {
    ...options,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MIB },
  };
  if (!base.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, base), settings);
  const source = new URL(`./${name}.ts`, base).href;
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(code, { ...settings, eval: true });
}
