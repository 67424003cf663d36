/**
 * `414 URI Too Long` (RFC 9110 §15.5.15) for a request whose address Node
 * cannot read. Node counts the request line with the headers against its
 * limit (`--max-http-header-size`, 16 KiB) and reports any overflow as
 * HPE_HEADER_OVERFLOW, which Fastify answers `431 Request Header Fields
 * Too Large`: wrong, and no help to a reader, when the address itself was
 * too long. An overflow met before the request line ended, in the packet
 * where that line began, is answered 414 here instead.
 *
 * Registered on the server before Fastify's own `clientError` listener
 * (that is, in the server factory): this one writes its answer and
 * destroys the socket, as Node's and Fastify's handlers do, and Fastify's
 * then leaves the destroyed socket alone.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

/** Node's parse error, with the packet it was reading and how far it got. */
interface ParseError extends Error {
  code?: string;
  rawPacket?: Buffer;
  bytesParsed?: number;
}

/** A request line's start: a method token, a space (RFC 9112 §3). */
const REQUEST_LINE_START = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+ /;

/** Whether Node's header overflow `error` happened in a request line, not in the headers after it. */
export function overflowedInRequestLine(error: ParseError): boolean {
  const packet = error.rawPacket;
  if (error.code !== 'HPE_HEADER_OVERFLOW' || !Buffer.isBuffer(packet)) return false;
  const read = packet.subarray(0, error.bytesParsed ?? packet.length);
  return REQUEST_LINE_START.test(read.subarray(0, 64).toString('latin1')) && !read.includes(10);
}

/**
 * Answers 414 with `message` (plain text, UTF-8) a request whose address
 * overflowed Node's header limit; leaves every other client error to the
 * handlers after it.
 */
export function answerUriTooLong(server: Server, message: string): void {
  const body = Buffer.from(`${message}\n`);
  const head =
    'HTTP/1.1 414 URI Too Long\r\nContent-Type: text/plain; charset=utf-8\r\n' +
    `Cache-Control: no-store\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`;
  server.on('clientError', (error: ParseError, socket: Duplex) => {
    if (socket.destroyed || !overflowedInRequestLine(error)) return;
    if (socket.writable) socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    socket.destroy();
  });
}
