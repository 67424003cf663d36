import { describe, expect, it } from 'vitest';
import type { LiveReaders } from '../../domain/live-readers.js';
import type { ServerSentEvent } from '../live/event-stream.js';
import { DASHBOARD_TOPIC, LiveReadersFeed } from './live-readers-feed.js';

const FIGURES: LiveReaders = {
  minute: new Date('2026-11-29T12:00:00Z'),
  perMinute: [],
  referrers: { search: 0, social: 0, direct: 0, other: 0 },
  top: { 5: [], 30: [] },
};

/** A hub with `viewers` streams on the dashboard topic, recording broadcasts. */
function fakeStreams(viewers: number) {
  const sent: Array<[string, ServerSentEvent]> = [];
  return {
    viewers,
    sent,
    subscribers: (topic: string) => (topic === DASHBOARD_TOPIC ? viewers : 0),
    broadcast(topic: string, e: ServerSentEvent) {
      sent.push([topic, e]);
      return this.viewers;
    },
  };
}

describe('LiveReadersFeed', () => {
  it('computes once per round for every viewer and sends one event per language', async () => {
    const streams = fakeStreams(3);
    let computed = 0;
    const feed = new LiveReadersFeed({
      streams,
      compute: async () => {
        computed += 1;
        return FIGURES;
      },
      render: (_figures, lang) => `<p>${lang}</p>`,
    });
    expect(await feed.tick()).toBe(6);
    expect(await feed.tick()).toBe(6);
    expect(computed).toBe(2);
    expect(streams.sent).toEqual([
      ['dashboard', { event: 'figures-ar', data: '<p>ar</p>' }],
      ['dashboard', { event: 'figures-en', data: '<p>en</p>' }],
      ['dashboard', { event: 'figures-ar', data: '<p>ar</p>' }],
      ['dashboard', { event: 'figures-en', data: '<p>en</p>' }],
    ]);
  });

  it('reads nothing and stops its timer when no one watches', async () => {
    const streams = fakeStreams(0);
    let computed = 0;
    const feed = new LiveReadersFeed({
      streams,
      compute: async () => {
        computed += 1;
        return FIGURES;
      },
      render: () => '',
      everyMs: 60_000,
    });
    feed.watch();
    expect(feed.watching).toBe(true);
    expect(await feed.tick()).toBe(0);
    expect([computed, feed.watching, streams.sent.length]).toEqual([0, false, 0]);
  });

  it('skips a round while the previous one still runs, and reports a failed read', async () => {
    const streams = fakeStreams(1);
    const errors: unknown[] = [];
    let release: (value: LiveReaders) => void = () => {};
    let calls = 0;
    const feed = new LiveReadersFeed({
      streams,
      compute: () => {
        calls += 1;
        if (calls === 2) return Promise.reject(new Error('database gone'));
        return new Promise<LiveReaders>((resolve) => (release = resolve));
      },
      render: () => 'x',
      onError: (error) => errors.push(error),
    });
    const first = feed.tick();
    expect(await feed.tick()).toBe(0);
    release(FIGURES);
    expect(await first).toBe(2);
    expect(await feed.tick()).toBe(0);
    expect(errors.map((e) => (e as Error).message)).toEqual(['database gone']);
    expect(calls).toBe(2);
  });
});
