/**
 * A breaking-news spike of view beacons (issue 19): does a burst of 20,000
 * beacons a minute slow the reader site? Against a real `midad serve` on
 * 127.0.0.1 (a fresh SQLite database with the demo article):
 *
 * 1. the cached article page alone, for `seconds` (p50, p99, req/s);
 * 2. the same load while beacons arrive at 20,000 a minute (333/s) for
 *    `seconds` from several connections, each beacon from a visitor of its
 *    own with a referrer (`r=…`, as reader.js sends it), mixed search,
 *    social, direct and other: the page's figures again, and the beacons';
 * 3. beacons alone, as fast as they go (`cpuBeacons` of them): the
 *    server's CPU time per beacon, utime + stime of its processes from
 *    /proc before and after (bench/cpu.ts), so it includes the flushes of
 *    the minute and hour buckets during the run.
 *
 * Every beacon sent must be counted: the stored count after the server's
 * graceful stop (which writes the buffer) is compared with what was sent.
 * With `seconds` under 60 the burst keeps the rate over a shorter window.
 */
import { join } from 'node:path';
import autocannon, { type Request } from 'autocannon';
import { treeCpuMs } from './cpu.js';
import { BROWSER_AGENT, runLoad, type LoadFigures } from './load.js';
import { startServer } from './server-process.js';
import { ms } from './table.js';
import { storedViews } from './view-beacons.js';

/** The demo article (src/importers/demo-content.ts). */
const ARTICLE_ID = '258871304963183';
/** 20,000 beacons a minute. */
const BURST_PER_SECOND = 20_000 / 60;
/** Referrers of the burst's readers, in turn. */
const REFERRERS = [
  'https://www.google.com/',
  'https://t.co/abc',
  '',
  'android-app://com.facebook.katana/',
  'https://www.aljazeera.net/',
  'https://www.bing.com/',
];

export interface BurstFigures {
  seconds: number;
  /** The cached article page without beacons. */
  pageAlone: LoadFigures;
  /** The cached article page during the burst. */
  pageDuringBurst: LoadFigures;
  /** The burst itself (rate ≈ 333/s). */
  burst: { sent: number; rate: number; p50: number; p99: number; non2xx: number; errors: number };
  /** Beacons alone, as fast as they go. */
  cpu: { beacons: number; cpuMs: number; cpuMsPerBeacon: number; rate: number };
  /** Views stored after the stop against beacons answered 204. */
  counted: { sent: number; stored: number };
}

/** Beacons to the article, each from the next visitor, with the next referrer. */
function beacons(start: number): Request[] {
  let visitor = start;
  return [
    {
      method: 'POST',
      setupRequest: (request) => {
        const n = visitor++;
        return {
          ...request,
          method: 'POST',
          path: `/views/${ARTICLE_ID}`,
          headers: {
            'user-agent': `${BROWSER_AGENT} reader/${n}`,
            'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
            'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
          },
          body: new URLSearchParams({ r: REFERRERS[n % REFERRERS.length] ?? '' }).toString(),
        };
      },
    },
  ];
}

export async function measureBeaconBurst(
  dir: string,
  options: { seconds: number; connections: number; cpuBeacons: number },
  step: (s: string) => void,
): Promise<BurstFigures> {
  const target = { file: join(dir, 'burst.db') };
  const server = await startServer(target, dir, {
    MIDAD_DEMO: 'true',
    MIDAD_VIEW_BEACONS_PER_MINUTE: '1000000',
  });
  const page = `/a/${ARTICLE_ID}`;
  let sent = 0;
  let figures: Omit<BurstFigures, 'counted'>;
  try {
    const before = await storedViews(target, ARTICLE_ID).catch(() => 0);
    // Warm the page cache.
    await (await fetch(`${server.origin}${page}`)).arrayBuffer();
    const pageLoad = () =>
      runLoad({
        origin: server.origin,
        path: page,
        connections: options.connections,
        duration: options.seconds,
        pid: server.pid,
      });
    step(`beacon burst: the cached article page alone, ${options.seconds} s`);
    const pageAlone = await pageLoad();
    step(`beacon burst: the page while 20,000 beacons a minute arrive, ${options.seconds} s`);
    const amount = Math.round(BURST_PER_SECOND * options.seconds);
    const [pageDuringBurst, burst] = await Promise.all([
      pageLoad(),
      autocannon({
        url: `${server.origin}/views/${ARTICLE_ID}`,
        connections: 8,
        overallRate: Math.round(BURST_PER_SECOND),
        amount,
        requests: beacons(0),
      }),
    ]);
    sent += burst['2xx'];
    step(`beacon burst: ${options.cpuBeacons} beacons alone, for the CPU time of each`);
    const cpuBefore = treeCpuMs(server.pid);
    const started = Date.now();
    const alone = await autocannon({
      url: `${server.origin}/views/${ARTICLE_ID}`,
      connections: 8,
      amount: options.cpuBeacons,
      requests: beacons(amount),
    });
    const elapsed = (Date.now() - started) / 1000;
    const cpuAfter = treeCpuMs(server.pid);
    sent += alone['2xx'];
    figures = {
      seconds: options.seconds,
      pageAlone,
      pageDuringBurst,
      burst: {
        sent: burst['2xx'] + burst.non2xx,
        rate: (burst['2xx'] + burst.non2xx) / burst.duration,
        p50: burst.latency.p50,
        p99: burst.latency.p99,
        non2xx: burst.non2xx,
        errors: burst.errors + burst.timeouts,
      },
      cpu: {
        beacons: alone['2xx'],
        cpuMs: cpuAfter - cpuBefore,
        cpuMsPerBeacon: (cpuAfter - cpuBefore) / Math.max(1, alone['2xx']),
        rate: alone['2xx'] / elapsed,
      },
    };
    await server.stop();
    return {
      ...figures,
      counted: { sent, stored: (await storedViews(target, ARTICLE_ID)) - before },
    };
  } finally {
    await server.stop();
  }
}

/** Prints the burst's figures. */
export function printBeaconBurst(f: BurstFigures): void {
  const window =
    f.seconds >= 60
      ? 'one minute'
      : `${f.seconds} s (the rate of 20,000 a minute, over a shorter window)`;
  const load = (l: LoadFigures) =>
    `${Math.round(l.rate)} req/s, p50 ${ms(l.p50)}, p99 ${ms(l.p99)}`;
  console.log(`\nBeacon burst: 20,000 beacons a minute for ${window}, cached article page`);
  console.log(`  page alone:             ${load(f.pageAlone)}`);
  console.log(`  page during the burst:  ${load(f.pageDuringBurst)}`);
  console.log(
    `  burst:                  ${f.burst.sent} beacons (${f.burst.non2xx} not 204, ${f.burst.errors} errors), ` +
      `${Math.round(f.burst.rate)} /s, p50 ${ms(f.burst.p50)}, p99 ${ms(f.burst.p99)}`,
  );
  console.log(
    `  server CPU per beacon:  ${f.cpu.cpuMsPerBeacon.toFixed(3)} ms ` +
      `(${f.cpu.cpuMs} ms for ${f.cpu.beacons} beacons alone, ${Math.round(f.cpu.rate)} /s)`,
  );
  console.log(`  views stored / sent:    ${f.counted.stored} / ${f.counted.sent}`);
}
