/**
 * The site's public origin for links made outside a request (push
 * notifications, mails, Telegram posts, issue 20): `MIDAD_BASE_URL`, else
 * the address the server listens on (`http://127.0.0.1:3000`), which only
 * the machine itself can open: a start warning says to set MIDAD_BASE_URL.
 * @example publicOrigin({ baseUrl: undefined, host: '127.0.0.1', port: 3000 }) === 'http://127.0.0.1:3000'
 */
export function publicOrigin(config: {
  baseUrl?: string | undefined;
  host: string;
  port: number;
}): string {
  if (config.baseUrl !== undefined) return config.baseUrl;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${config.port}`;
}
