/**
 * The local push service of the tests (test/helpers/push-service.ts) in a
 * process of its own, for bench/push-fanout.ts: a push service is remote
 * in production, so its work (VAPID checks, HTTP parsing) must not share
 * the sender's event loop or be counted in the sender's memory.
 *
 * `node --import tsx bench/push-service-process.ts` starts the service on
 * 127.0.0.1 at a free port (no decryption, no per-message record: the
 * JWT is still verified, once per token) and prints one line,
 * `{"port":<n>,"origin":"http://127.0.0.1:<n>"}`. Started with an IPC
 * channel (child_process `stdio: [..., 'ipc']`), it answers the bench's
 * messages:
 *
 * - `{ id, subscribe: n, keyPairs: k }` → `{ id, subscriptions }`: n new
 *   subscriptions (TestSubscription), sharing k key pairs (made on first use);
 * - `{ id, delivered: true }` → `{ id, delivered }`: messages answered 201 so far.
 *
 * It stops when the channel closes (the bench ended or died), or on SIGTERM.
 */
import { PushServiceStandIn, type TestSubscription } from '../test/helpers/push-service.js';

/** A request of the bench. */
export type PushServiceRequest =
  { id: number; subscribe: number; keyPairs: number } | { id: number; delivered: true };

/** The answer to a request. */
export type PushServiceAnswer =
  { id: number; subscriptions: TestSubscription[] } | { id: number; delivered: number };

const service = await PushServiceStandIn.start({ decrypt: false, record: false });
const port = Number(new URL(service.origin).port);
process.stdout.write(`${JSON.stringify({ port, origin: service.origin })}\n`);

const shared: TestSubscription[] = [];
const stop = () => {
  void service.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.on('message', (request: PushServiceRequest) => {
  if ('delivered' in request) {
    process.send?.({ id: request.id, delivered: service.delivered } satisfies PushServiceAnswer);
    return;
  }
  while (shared.length < request.keyPairs) shared.push(service.subscribe());
  const subscriptions = Array.from({ length: request.subscribe }, (_, i) =>
    service.subscribe(shared[i % request.keyPairs]),
  );
  process.send?.({ id: request.id, subscriptions } satisfies PushServiceAnswer);
});
