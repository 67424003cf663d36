/**
 * The SSE hub (web/live/event-stream.ts) on a real listening server: the
 * app of buildApp, with a route of the test's own opening streams on it.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventStreams, MAX_BUFFERED_BYTES } from '../../src/web/live/event-stream.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { openStream, until, type StreamClient } from '../helpers/event-stream-client.js';
import { testSite, type TestSite } from '../helpers/site.js';

const HOST = { host: 'news.example' };

describeEachDialect((dialect) => {
  let site: TestSite;
  let origin: string;
  let clients: StreamClient[];

  /** Starts a site whose route /test/events/<topic> opens a stream (and sends `hello` first when asked). */
  const start = async (env: Record<string, string> = {}) => {
    site = await testSite(env, { dialect, demo: false });
    site.app.get<{ Params: { topic: string }; Querystring: { hello?: string } }>(
      '/test/events/:topic',
      (request, reply) => {
        const hello = request.query.hello;
        site.app.eventStreams.open(
          request,
          reply,
          request.params.topic,
          hello === undefined ? undefined : (send) => send({ event: 'hello', data: hello }),
        );
        return reply;
      },
    );
    const address = await site.app.listen({ port: 0, host: '127.0.0.1' });
    origin = address;
  };
  const open = async (path: string, headers: Record<string, string> = {}) => {
    const client = await openStream(origin, path, { ...HOST, ...headers });
    clients.push(client);
    return client;
  };

  beforeEach(() => {
    clients = [];
  });
  afterEach(async () => {
    clients.forEach((c) => c.close());
    await site.close();
  });

  /** The headers helmet sets on every response (security-headers.ts). */
  const SECURITY_HEADERS = [
    'content-security-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'origin-agent-cluster',
    'referrer-policy',
    'strict-transport-security',
    'x-content-type-options',
    'x-dns-prefetch-control',
    'x-download-options',
    'x-frame-options',
    'x-permitted-cross-domain-policies',
    'x-xss-protection',
  ];

  it('answers with the stream headers and the security headers of every page, never compressed', async () => {
    await start();
    const page = await fetch(`${origin}/no-such-page`, { headers: HOST });
    await page.text();
    const client = await open('/test/events/a1', { 'accept-encoding': 'gzip, deflate, br' });
    expect(client.status).toBe(200);
    expect(Object.keys(client.headers).sort()).toEqual(
      [
        ...SECURITY_HEADERS,
        'cache-control',
        'connection',
        'content-type',
        'date',
        'transfer-encoding',
        'x-accel-buffering',
      ].sort(),
    );
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.headers['cache-control']).toBe('no-store');
    expect(client.headers['x-accel-buffering']).toBe('no');
    expect(client.headers.connection).toBe('keep-alive');
    expect(client.headers['transfer-encoding']).toBe('chunked');
    for (const name of SECURITY_HEADERS) {
      expect([name, client.headers[name]]).toEqual([name, page.headers.get(name)]);
    }
    expect(client.headers['content-security-policy']).toContain("default-src 'self'");
    // The retry delay comes first, in plain text (not gzip's 1f 8b).
    expect(await client.waitFor((t) => t.length >= 13)).toBe('retry: 5000\n\n');
    expect(site.app.eventStreams.size).toBe(1);
  });

  it('sends what onOpen sends after the retry delay, before any broadcast', async () => {
    await start();
    const client = await open('/test/events/a1?hello=أهلا');
    await until(() => site.app.eventStreams.subscribers('a1') === 1);
    expect(site.app.eventStreams.broadcast('a1', { data: 'next' })).toBe(1);
    expect(await client.waitFor((t) => t.endsWith('data: next\n\n'))).toBe(
      'retry: 5000\n\nevent: hello\ndata: أهلا\n\ndata: next\n\n',
    );
  });

  it('writes a broadcast to the streams of its topic only', async () => {
    await start();
    const [first, second, other] = [
      await open('/test/events/a1'),
      await open('/test/events/a1'),
      await open('/test/events/a2'),
    ];
    const streams = site.app.eventStreams;
    expect([streams.size, streams.subscribers('a1'), streams.subscribers('a2')]).toEqual([3, 2, 1]);
    expect(streams.subscribers('a3')).toBe(0);
    expect(streams.broadcast('a1', { event: 'update', id: '4', data: '{"number":4}' })).toBe(2);
    expect(streams.broadcast('a3', { data: 'nobody' })).toBe(0);
    expect(streams.broadcast('a2', { event: 'state', data: 'سطر\nسطر' })).toBe(1);
    const update = 'retry: 5000\n\nevent: update\nid: 4\ndata: {"number":4}\n\n';
    expect(await first!.waitFor((t) => t.length >= update.length)).toBe(update);
    expect(await second!.waitFor((t) => t.length >= update.length)).toBe(update);
    const state = 'retry: 5000\n\nevent: state\ndata: سطر\ndata: سطر\n\n';
    expect(await other!.waitFor((t) => t.length >= state.length)).toBe(state);
    // Nothing else arrives later: the a1 event went to a1 only.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([first!.text, second!.text, other!.text]).toEqual([update, update, state]);
  });

  it('forgets a stream whose reader went away', async () => {
    await start();
    const leaving = await open('/test/events/a1');
    const staying = await open('/test/events/a1');
    const streams = site.app.eventStreams;
    expect(streams.subscribers('a1')).toBe(2);
    leaving.close();
    await until(() => streams.subscribers('a1') === 1);
    expect(streams.size).toBe(1);
    expect(streams.broadcast('a1', { data: 'x' })).toBe(1);
    expect(await staying.waitFor((t) => t.endsWith('data: x\n\n'))).toBe(
      'retry: 5000\n\ndata: x\n\n',
    );
    staying.close();
    await until(() => streams.size === 0);
    expect(streams.subscribers('a1')).toBe(0);
  });

  it('answers 503 with Retry-After past MIDAD_SSE_MAX_CONNECTIONS, and takes one again when one closes', async () => {
    await start({ MIDAD_SSE_MAX_CONNECTIONS: '2' });
    const first = await open('/test/events/a1');
    await open('/test/events/a2');
    const refused = await open('/test/events/a1');
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers['x-frame-options']).toBe('SAMEORIGIN');
    await refused.end;
    expect(refused.text).toBe('Too many live connections on this server: try again later.\n');
    expect(site.app.eventStreams.size).toBe(2);
    first.close();
    await until(() => site.app.eventStreams.size === 1);
    const again = await open('/test/events/a1');
    expect(again.status).toBe(200);
    expect(site.app.eventStreams.size).toBe(2);
  });

  it('answers 429 with Retry-After to an address past MIDAD_SSE_MAX_PER_ADDRESS, and still takes others', async () => {
    // request.ip is the proxy's X-Forwarded-For when the proxy is trusted.
    await start({
      MIDAD_SSE_MAX_CONNECTIONS: '10',
      MIDAD_SSE_MAX_PER_ADDRESS: '2',
      MIDAD_TRUST_PROXY: '127.0.0.1',
    });
    const greedy = { 'x-forwarded-for': '203.0.113.7' };
    const first = await open('/test/events/a1', greedy);
    await open('/test/events/dashboard', greedy);
    const refused = await open('/test/events/a2', greedy);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(refused.headers['x-frame-options']).toBe('SAMEORIGIN');
    await refused.end;
    expect(refused.text).toBe('Too many live connections from your address: try again later.\n');
    const streams = site.app.eventStreams;
    expect([streams.size, streams.streamsOf('203.0.113.7')]).toEqual([2, 2]);

    // Another reader, and the proxy's own address, are not held back by it.
    const other = await open('/test/events/a2', { 'x-forwarded-for': '198.51.100.20' });
    const direct = await open('/test/events/a2');
    expect([other.status, direct.status]).toEqual([200, 200]);
    expect([streams.size, streams.addresses]).toEqual([4, 3]);

    // A closed stream gives its address one back; an address with none is forgotten.
    first.close();
    await until(() => streams.streamsOf('203.0.113.7') === 1);
    expect((await open('/test/events/a2', greedy)).status).toBe(200);
    other.close();
    await until(() => streams.addresses === 2);
    expect(streams.streamsOf('198.51.100.20')).toBe(0);
  });

  it('answers HEAD with the headers alone', async () => {
    await start();
    const client = await openStream(origin, '/test/events/a1', HOST, 'HEAD');
    expect(client.status).toBe(200);
    expect(client.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await client.end;
    expect(client.text).toBe('');
    expect(site.app.eventStreams.size).toBe(0);
  });

  it('ends every open stream when the app closes, without waiting for the readers', async () => {
    await start();
    const open3 = await Promise.all([1, 2, 3].map((n) => open(`/test/events/a${n % 2}`)));
    expect(site.app.eventStreams.size).toBe(3);
    const started = Date.now();
    await site.app.close();
    const took = Date.now() - started;
    await Promise.all(open3.map((c) => c.end));
    expect(open3.map((c) => [c.ended, c.text])).toEqual([
      [true, 'retry: 5000\n\n'],
      [true, 'retry: 5000\n\n'],
      [true, 'retry: 5000\n\n'],
    ]);
    expect(site.app.eventStreams.size).toBe(0);
    // Without the preClose hook the close waits for the readers (forever); generous bound.
    expect(took).toBeLessThan(5000);
  });
});

/** The hub in a bare Fastify server, for what buildApp's settings do not reach. */
describe('the hub in a bare server', () => {
  let server: FastifyInstance;
  let streams: EventStreams;
  let origin: string;

  const start = async (options: ConstructorParameters<typeof EventStreams>[0]) => {
    streams = new EventStreams(options);
    server = Fastify();
    server.get<{ Params: { topic: string } }>('/events/:topic', (request, reply) => {
      streams.open(request, reply, request.params.topic);
      return reply;
    });
    server.addHook('preClose', (done) => {
      streams.closeAll();
      done();
    });
    origin = await server.listen({ port: 0, host: '127.0.0.1' });
  };
  afterEach(async () => {
    await server.close();
  });

  it('sends a heartbeat comment to every stream of every topic', async () => {
    await start({ maxConnections: 10, heartbeatMs: 50, retryMs: 1500 });
    const a = await openStream(origin, '/events/a1');
    const b = await openStream(origin, '/events/dashboard');
    expect(await a.waitFor((t) => t.startsWith('retry: 1500\n\n:\n\n:\n\n'))).toMatch(
      /^retry: 1500\n\n(:\n\n){2,}$/,
    );
    expect(await b.waitFor((t) => t.length >= 19)).toMatch(/^retry: 1500\n\n(:\n\n){2,}$/);
    a.close();
    b.close();
  });

  it('drops a stream whose reader stopped reading, and keeps writing to the others', async () => {
    await start({ maxConnections: 10 });
    const stalled = await openStream(origin, '/events/a1');
    const reading = await openStream(origin, '/events/a1');
    await stalled.waitFor((t) => t.length > 0);
    stalled.socket.pause();
    const big = { data: 'x'.repeat(64 * 1024) };
    let rounds = 0;
    // The kernel's socket buffers take some megabytes first; then the hub's limit is reached.
    while (streams.subscribers('a1') === 2 && rounds < 2000) {
      streams.broadcast('a1', big);
      rounds += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(streams.subscribers('a1')).toBe(1);
    expect(streams.size).toBe(1);
    expect(rounds).toBeGreaterThan(MAX_BUFFERED_BYTES / (64 * 1024));
    expect(streams.broadcast('a1', { data: 'end' })).toBe(1);
    await reading.waitFor((t) => t.endsWith('data: end\n\n'), 20_000);
    stalled.close();
    reading.close();
  });

  it('closeTopic ends the streams of one topic after what was sent to them, and takes new ones', async () => {
    await start({ maxConnections: 10 });
    const ending = [await openStream(origin, '/events/a1'), await openStream(origin, '/events/a1')];
    const staying = await openStream(origin, '/events/a2');
    await until(() => streams.size === 3);
    expect(streams.broadcast('a1', { event: 'state', data: 'ended' })).toBe(1 + 1);
    expect(streams.closeTopic('a1')).toBe(2);
    expect(streams.closeTopic('a3')).toBe(0);
    const ended = Promise.all(ending.map((c) => c.end));
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000))]);
    expect(ending.map((c) => [c.ended, c.text])).toEqual([
      [true, 'retry: 5000\n\nevent: state\ndata: ended\n\n'],
      [true, 'retry: 5000\n\nevent: state\ndata: ended\n\n'],
    ]);
    expect([streams.size, streams.subscribers('a1'), streams.addresses]).toEqual([1, 0, 1]);
    expect(streams.broadcast('a2', { data: 'still' })).toBe(1);
    await staying.waitFor((t) => t.endsWith('data: still\n\n'));
    const again = await openStream(origin, '/events/a1');
    expect(again.status).toBe(200);
    await until(() => streams.subscribers('a1') === 1);
    staying.close();
    again.close();
  });

  it('refuses new streams with 503 once closeAll has ended them', async () => {
    await start({ maxConnections: 10 });
    const before = await openStream(origin, '/events/a1');
    streams.closeAll();
    await before.end;
    expect(before.text).toBe('retry: 5000\n\n');
    const after = await openStream(origin, '/events/a1');
    expect(after.status).toBe(503);
    await after.end;
    expect(streams.size).toBe(0);
  });
});
