/**
 * Whether Redis answers at MIDAD_TEST_REDIS_URL (default
 * redis://127.0.0.1:6379), for the tests of the Redis change channel.
 * Where none answers they print `SKIPPING Redis tests` and show as
 * skipped, except under CI=true, where they fail: CI must run everything.
 */
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.MIDAD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisProblem(): Promise<string | null> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2000,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return `no Redis answers at ${REDIS_URL} (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    client.disconnect();
  }
}

const problem = await redisProblem();
if (problem !== null) {
  if (process.env.CI === 'true') throw new Error(`${problem} (CI must run the Redis tests)`);
  console.warn(`SKIPPING Redis tests: ${problem}`);
}

/** Why the Redis tests are skipped here, or null when they run. */
export const redisSkip: string | null = problem;
