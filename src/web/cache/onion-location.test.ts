import { describe, expect, it } from 'vitest';
import { onionLocation } from './onion-location.js';

const HOST = 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion';
const ONION = { host: HOST, url: `http://${HOST}` };

describe('onionLocation', () => {
  it('is the onion address with the path and query of the request', () => {
    expect(onionLocation(ONION, '/a/42/%D8%AE?utm_source=tg&x=1', { host: 'news.example' })).toBe(
      `http://${HOST}/a/42/%D8%AE?utm_source=tg&x=1`,
    );
    expect(onionLocation({ host: HOST, url: `http://${HOST}/news` }, '/', {})).toBe(
      `http://${HOST}/news/`,
    );
  });

  it('is not sent to the onion address itself, by Host or by a proxy’s X-Forwarded-Host', () => {
    expect(onionLocation(ONION, '/', { host: HOST })).toBeNull();
    expect(onionLocation(ONION, '/', { host: `${HOST.toUpperCase()}:80` })).toBeNull();
    expect(
      onionLocation(ONION, '/', { host: '127.0.0.1:3000', 'x-forwarded-host': `${HOST}, proxy` }),
    ).toBeNull();
  });

  it('is not sent without an onion address, nor for a URL not in origin form', () => {
    expect(onionLocation(null, '/', { host: 'news.example' })).toBeNull();
    expect(onionLocation(undefined, '/', { host: 'news.example' })).toBeNull();
    expect(onionLocation(ONION, 'http://news.example/', { host: 'news.example' })).toBeNull();
  });
});
