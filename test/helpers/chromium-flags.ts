/**
 * Debian's Chromium and the flags the tests and the bench run it with:
 * headless, without a sandbox (containers), offline and quiet (no
 * background networking, component updates or sync).
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
