/**
 * Security headers on every response, with helmet: a Content-Security-Policy
 * that allows only our own scripts (plus the one inline head script, by its
 * hash), styles and fonts, and no framing by other sites. A lite page
 * sends a stricter one of its own instead (lite-policy.ts).
 *
 * `upgrade-insecure-requests` is left out: a site served over plain HTTP (a
 * LAN address, a first test on a VPS) would otherwise lose its stylesheet,
 * because the browser rewrites it to an https URL nobody answers. HSTS is
 * sent without `includeSubDomains`; browsers honour it only over HTTPS
 * (RFC 6797 §8.1), and it must not bind the newspaper's other subdomains.
 *
 * helmet's headers are the same for every response (the policy names no
 * per-request nonce): helmet runs once, on a stand-in response, and the
 * headers it set are then copied onto each response. (`@fastify/helmet`
 * rebuilt the middleware, parsing the policy again, on every request: a
 * tenth of the time of a cached page.) The page cache's fast path
 * (cache/fast-path.ts) sends the same list.
 */
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * The security headers of every response, as a flat list
 * (`[name, value, name, value, …]`, the form `res.writeHead()` takes), in
 * the order helmet sets them.
 */
export function securityHeaderList(options: { headScriptHash: string }): readonly string[] {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", options.headScriptHash],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        // Only when a reader presses "play" on a YouTube embed (reader.js).
        frameSrc: ['https://www.youtube-nocookie.com'],
        scriptSrcAttr: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    crossOriginEmbedderPolicy: false,
  });
  const headers: string[] = [];
  const response = {
    setHeader(name: string, value: string) {
      headers.push(name, value);
    },
    // X-Powered-By, which nothing here sets.
    removeHeader() {},
  };
  setHeaders({} as never, response as never, (error) => {
    if (error) throw error as Error;
  });
  return Object.freeze(headers);
}

/** Sets `headers` (securityHeaderList) on every response of `app`. */
export function securityHeaders(app: FastifyInstance, headers: readonly string[]): void {
  app.addHook('onRequest', (request, reply, done) => {
    const raw = reply.raw;
    for (let i = 0; i < headers.length; i += 2) raw.setHeader(headers[i]!, headers[i + 1]!);
    done();
  });
}
