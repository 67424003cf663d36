/**
 * Requests sent over a real connection with node:http, headers as given:
 * a Host that fetch() would not send, and a client address of choice on
 * the loopback network (Linux routes all of 127.0.0.0/8 to itself).
 */
import { request } from 'node:http';

/** A request as a reader sends it, from the address `from` of the loopback network. */
export interface ReaderRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client's own address (127.0.0.0/8 on Linux); default 127.0.0.1. */
  from?: string;
}

export interface ReaderResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body's bytes, as sent (compressed ones too). */
  bytes: Buffer;
}

/** Sends one request to 127.0.0.1:`port` on a new connection from `from`; resolves to the whole answer. */
export function send(port: number, req: ReaderRequest): Promise<ReaderResponse> {
  return new Promise((resolve, reject) => {
    const body = req.body ?? '';
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        localAddress: req.from ?? '127.0.0.1',
        method: req.method ?? 'GET',
        path: req.path,
        agent: false,
        headers: { 'content-length': String(Buffer.byteLength(body)), ...req.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: bytes.toString(),
            bytes,
          });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
