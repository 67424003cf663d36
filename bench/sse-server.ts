/**
 * The server of the event-stream bench (bench/sse.ts), in a process of its
 * own so that its memory is measured alone: the app `midad serve` runs
 * (buildApp, settings from the environment as `midad serve` reads them, a
 * new SQLite database at MIDAD_DB), listening on 127.0.0.1:PORT, with three
 * routes of the bench's own beside the site's:
 *
 * - `GET /bench/events`: an event stream on topic `bench` (app.eventStreams,
 *   as a live page's readers hold one on `a<id>`);
 * - `GET /bench/memory`: after two full garbage collections (run with
 *   `--expose-gc`), `{ rss, heapUsed, heapTotal, external, streams }`, bytes;
 * - `POST /bench/broadcast`: one update event, the size of a live update
 *   rendered, to every stream: `{ written, ms }` (ms spent in broadcast()).
 *
 * On SIGTERM it closes the app as `midad serve` does and prints
 * `closed <ms>`, the time app.close() took with the streams still open.
 */
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config/load.js';
import { ViewCounter } from '../src/services/view-counter.js';
import { openDatabase } from '../src/storage/database.js';
import { buildApp } from '../src/web/app.js';

/** One live update as live-events.ts sends it: about 1.5 KB of JSON with Arabic HTML. */
const UPDATE = {
  event: 'update',
  id: '1',
  data: JSON.stringify({
    action: 'posted',
    number: 1,
    html:
      '<article class="live-update" id="update-1" data-number="1"><header><time datetime="2026-12-04T18:00:00.000Z">قبل دقيقة</time>' +
      '<h3>وقف إطلاق النار يدخل حيز التنفيذ في إدلب</h3></header><div class="live-update-body">' +
      '<p>أعلنت وزارة الدفاع أن وقف إطلاق النار دخل حيز التنفيذ عند منتصف الليل بالتوقيت المحلي، وسط ترقب حذر في المدن والبلدات المجاورة. '.repeat(
        6,
      ) +
      '</p></div></article>',
  }),
};

const gc = (globalThis as { gc?: () => void }).gc;
const config = loadConfig(process.env);
const database = await openDatabase({ file: config.dbFile });
const viewCounter = new ViewCounter({ sink: async () => {} });
// Requests are logged as by `midad serve` (at MIDAD_LOG_LEVEL): each holds its logger while open.
const app = await buildApp({ config, database, viewCounter });
app.get('/bench/events', (request, reply) => {
  app.eventStreams.open(request, reply, 'bench');
  return reply;
});
app.get('/bench/memory', () => {
  gc?.();
  gc?.();
  const memory = process.memoryUsage();
  return {
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    heapTotal: memory.heapTotal,
    external: memory.external,
    streams: app.eventStreams.size,
  };
});
app.post('/bench/broadcast', () => {
  const started = performance.now();
  const written = app.eventStreams.broadcast('bench', UPDATE);
  return { written, ms: performance.now() - started };
});
await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`listening ${config.port}`);
process.once('SIGTERM', () => {
  const started = performance.now();
  void app
    .close()
    .then(() => console.log(`closed ${(performance.now() - started).toFixed(1)}`))
    .then(() => database.close())
    .then(() => process.exit(0));
});
