/**
 * A GET that keeps the body as sent on the wire (fetch decompresses and
 * hides the compressed size), for page weight and for the copy of a page
 * that nginx serves.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as received (compressed when `content-encoding` says so), bytes. */
  wire: Buffer;
  /** The body decompressed. */
  body: Buffer;
}

/** GETs `url` with `headers` and reads the whole body. */
export function rawGet(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        const wire = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        try {
          const body =
            encoding === 'br'
              ? brotliDecompressSync(wire)
              : encoding === 'gzip'
                ? gunzipSync(wire)
                : wire;
          done({ status: res.statusCode ?? 0, headers: res.headers, wire, body });
        } catch (error) {
          fail(error);
        }
      });
    });
    req.on('error', fail);
    req.end();
  });
}
