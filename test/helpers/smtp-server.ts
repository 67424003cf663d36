/**
 * A real SMTP server on 127.0.0.1 for tests (the `smtp-server` package):
 * it accepts every mail (no TLS, any or no login), keeps each one's
 * envelope and raw source, and parses it with `mailparser` on request.
 * `refuse(address, code, text)` makes it answer that address's RCPT TO
 * with `code` (550: no such mailbox; 451: try later) until `allow(address)`.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: Buffer;
  /** The parsed mail (headers, text and HTML parts). */
  parse(): Promise<ParsedMail>;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>` (for MIDAD_SMTP_URL). */
  url: string;
  received: ReceivedMail[];
  refuse(address: string, code: number, text?: string): void;
  allow(address: string): void;
  /** Resolves once `count` mails have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startSmtpServer(options: { keep?: boolean } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refusals = new Map<string, { code: number; text: string }>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const keep = options.keep !== false;
  let count = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onRcptTo: (address, _session, callback) => {
      const refusal = refusals.get(address.address.toLowerCase());
      if (refusal) {
        const error = new Error(refusal.text) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        return callback(error);
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        if (keep) chunks.push(chunk);
      });
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        if (keep) {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parse: () => simpleParser(raw),
          });
        }
        count += 1;
        for (const w of [...waiters]) {
          if (count >= w.count) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve();
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(addr, code, text = code >= 500 ? 'No such user here' : 'Try again later') {
      refusals.set(addr.toLowerCase(), { code, text });
    },
    allow(addr) {
      refusals.delete(addr.toLowerCase());
    },
    waitFor(n, timeoutMs = 10_000) {
      if (count >= n) return Promise.resolve(received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${count} of ${n} mails arrived`)),
          timeoutMs,
        );
        waiters.push({
          count: n,
          resolve: () => {
            clearTimeout(timer);
            resolve(received);
          },
        });
      });
    },
    get count() {
      return count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as TestSmtpServer & { count: number };
}
