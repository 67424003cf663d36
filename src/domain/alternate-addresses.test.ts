import { describe, expect, it } from 'vitest';
import {
  formatAlternateAddresses,
  MAX_MIRRORS,
  mirrorUrlProblem,
  NO_ALTERNATE_ADDRESSES,
  parseAlternateAddresses,
  readOnionAddress,
} from './alternate-addresses.js';

/** DuckDuckGo's onion service: a real v3 address, its checksum right. */
const ONION = 'duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion';

describe('readOnionAddress', () => {
  it.each([
    [ONION, `http://${ONION}`],
    [`  http://${ONION}/  `, `http://${ONION}`],
    [ONION.toUpperCase(), `http://${ONION}`],
    [`HTTP://${ONION}:80/`, `http://${ONION}`],
    // Onion-Location takes https too (an onion service with a certificate).
    [`https://${ONION}`, `https://${ONION}`],
  ])('reads %j as %j', (text, url) => {
    expect(readOnionAddress(text)).toEqual({ onion: { host: ONION, url } });
  });

  it.each([
    // The Tor Project's old v2 address: 16 characters.
    ['expyuzz4wqqyqhjn.onion', 'v2'],
    ['http://expyuzz4wqqyqhjn.onion/', 'v2'],
    // One character changed: the checksum no longer holds.
    [ONION.replace('duckduckgo', 'duckduckgp'), 'checksum'],
    // The last character holds the version: 4 is no version.
    [ONION.replace('czad.onion', 'czae.onion'), 'checksum'],
    // Tor Browser opens the header's URL as it is: a path would come before every page's path.
    [`http://${ONION}/news`, 'path'],
    [`HTTP://${ONION}/news/`, 'path'],
    [`${ONION}/ar/%D8%A3`, 'path'],
    [`${ONION}/خبر`, 'path'],
    [`${ONION}/?q=1`, 'path'],
    [`${ONION}#top`, 'path'],
    // The v2 and checksum reasons come first: they say what is wrong with the address itself.
    ['http://expyuzz4wqqyqhjn.onion/news', 'v2'],
    ['news.example', 'not-onion'],
    ['https://news.example/', 'not-onion'],
    [`http://${ONION}.example/`, 'not-onion'],
    [`http://user:secret@${ONION}/`, 'credentials'],
    [`ftp://${ONION}/`, 'invalid'],
    [`${ONION}:8080`, 'invalid'],
    [`www.${ONION}`, 'invalid'],
    [`http://${ONION} /`, 'invalid'],
    [ONION.replace('.onion', 'a.onion'), 'invalid'],
    ['duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcza1.onion', 'invalid'],
    ['', 'invalid'],
  ])('refuses %j: %s', (text, problem) => {
    expect(readOnionAddress(text)).toEqual({ problem });
  });
});

describe('mirrorUrlProblem', () => {
  it.each([
    ['https://mirror.example/', null],
    ['http://203.0.113.7:8080/midad/', null],
    ['ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', null],
    ['ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8', null],
    ['https://مرآة.example/أخبار', null],
    ['ftp://mirror.example/', 'invalid'],
    ['mirror.example', 'invalid'],
    ['/mirror', 'invalid'],
    ['https://user:pass@mirror.example/', 'credentials'],
    ['https://user@mirror.example/', 'credentials'],
    ['https://mirror.example/a b', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    [`https://mirror.example/${'a'.repeat(1977)}`, null],
    [`https://mirror.example/${'a'.repeat(1978)}`, 'too-long'],
  ])('%j: %j', (url, problem) => {
    expect(mirrorUrlProblem(url)).toBe(problem);
  });
});

describe('the stored setting', () => {
  const addresses = {
    onion: { host: ONION, url: `http://${ONION}` },
    mirrors: [
      { url: 'https://mirror.example/', label: 'مرآة أوروبا' },
      { url: 'ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8', label: '' },
    ],
  };

  it('is JSON that reads back the same', () => {
    const stored = formatAlternateAddresses(addresses);
    expect(stored).toBe(
      `{"onion":"http://${ONION}","mirrors":[{"url":"https://mirror.example/","label":"مرآة أوروبا"},` +
        '{"url":"ipns://k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8","label":""}]}',
    );
    expect(parseAlternateAddresses(stored)).toEqual(addresses);
  });

  it('is removed when nothing is set', () => {
    expect(formatAlternateAddresses({ onion: null, mirrors: [] })).toBeNull();
    expect(parseAlternateAddresses(null)).toEqual(NO_ALTERNATE_ADDRESSES);
  });

  it('keeps what a hand-edited value has right and drops the rest', () => {
    const mirrors = Array.from({ length: MAX_MIRRORS + 2 }, (_, i) => ({
      url: `https://m${i}.example/`,
      label: '',
    }));
    const stored = JSON.stringify({
      onion: 'expyuzz4wqqyqhjn.onion',
      mirrors: [{ url: 'ftp://x.example/', label: '' }, { url: 7 }, ...mirrors],
    });
    expect(parseAlternateAddresses(stored)).toEqual({
      onion: null,
      mirrors: mirrors.slice(0, MAX_MIRRORS),
    });
    expect(parseAlternateAddresses('{not json')).toEqual(NO_ALTERNATE_ADDRESSES);
    expect(parseAlternateAddresses('[]')).toEqual({ onion: null, mirrors: [] });
  });
});
