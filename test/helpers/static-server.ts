/**
 * A plain static file server over a folder, as a mirror's host would be:
 * files only, a folder is 404 (as on `file://`, where a folder does not
 * open its index.html), nothing outside the folder.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';

/** Serves `root` on 127.0.0.1; `base` is `http://127.0.0.1:<port>`. Close `server` when done. */
export async function staticServer(root: string): Promise<{ server: Server; base: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = join(root, path);
    if (!file.startsWith(root + sep)) return void response.writeHead(403).end();
    readFile(file).then(
      (body) => response.writeHead(200).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
