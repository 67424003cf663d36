/**
 * The feed of «القرّاء الآن»: once every DASHBOARD_EVERY_MS per instance,
 * and only while someone watches (a stream open on the `dashboard` topic of
 * the SSE hub, web/live/event-stream.ts), the figures are read once
 * (services/live-readers.ts readLiveReaders: a fixed number of queries),
 * rendered once per newsroom language, and the same bytes are written to
 * every viewer: never one query per viewer. The first viewer starts the
 * timer; the first tick that finds no viewer stops it (so a closed app's
 * hub, which has none, never queries a closed database).
 */
import type { LiveReaders } from '../../domain/live-readers.js';
import type { Language } from '../../i18n/format.js';
import type { EventStreams } from '../live/event-stream.js';

/** The SSE topic of «القرّاء الآن». */
export const DASHBOARD_TOPIC = 'dashboard';
/** How often the figures are computed and sent while someone watches, ms. */
export const DASHBOARD_EVERY_MS = 5000;
/** The newsroom's languages: one event of each per tick (`figures-ar`, `figures-en`). */
export const DASHBOARD_LANGUAGES: readonly Language[] = ['ar', 'en'];

export interface LiveReadersFeedOptions {
  streams: Pick<EventStreams, 'broadcast' | 'subscribers'>;
  /** Reads the figures now (one computation for every viewer). */
  compute: () => Promise<LiveReaders>;
  /** The HTML of the figures in `lang` (web/admin/views/live-readers-page.tsx). */
  render: (figures: LiveReaders, lang: Language) => string;
  /** Told when a computation fails; the next tick tries again. */
  onError?: (error: unknown) => void;
  everyMs?: number;
}

export class LiveReadersFeed {
  readonly #options: LiveReadersFeedOptions;
  #timer: NodeJS.Timeout | null = null;
  #running = false;
  /** Computations made since the feed was built (a test counts them). */
  computations = 0;

  constructor(options: LiveReadersFeedOptions) {
    this.#options = options;
  }

  /** True while the timer runs. */
  get watching(): boolean {
    return this.#timer !== null;
  }

  /** A viewer arrived: starts the timer unless it runs. */
  watch(): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => void this.tick(), this.#options.everyMs ?? DASHBOARD_EVERY_MS);
    this.#timer.unref();
  }

  /** Stops the timer. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /**
   * One round: with no viewer, stops the timer and does nothing; else
   * computes the figures once and broadcasts them in each language. A
   * round still running (a slow database) makes this one a no-op.
   * @returns the streams written to (counting each language's event).
   */
  async tick(): Promise<number> {
    const { streams } = this.#options;
    if (streams.subscribers(DASHBOARD_TOPIC) === 0) {
      this.stop();
      return 0;
    }
    if (this.#running) return 0;
    this.#running = true;
    try {
      this.computations += 1;
      const figures = await this.#options.compute();
      let written = 0;
      for (const lang of DASHBOARD_LANGUAGES) {
        const data = this.#options.render(figures, lang);
        written += streams.broadcast(DASHBOARD_TOPIC, { event: `figures-${lang}`, data });
      }
      return written;
    } catch (error) {
      this.#options.onError?.(error);
      return 0;
    } finally {
      this.#running = false;
    }
  }
}
