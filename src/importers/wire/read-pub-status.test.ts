import { describe, expect, it } from 'vitest';
import { g2PubStatus, pubStatusCode } from './read-pub-status.js';

describe('pubStatusCode', () => {
  it('reads the codes of NITF and NewsML 1.x in any case; an embargo is withheld', () => {
    expect(pubStatusCode('usable')).toBe('usable');
    expect(pubStatusCode('Canceled')).toBe('canceled');
    expect(pubStatusCode(' cancelled ')).toBe('canceled');
    expect(pubStatusCode('Withheld')).toBe('withheld');
    expect(pubStatusCode('embargoed')).toBe('withheld');
    expect(pubStatusCode('killed')).toBeNull();
  });
});

describe('g2PubStatus', () => {
  it('reads a qcode under the stat alias or another, and the scheme URI', () => {
    expect(g2PubStatus('stat:canceled', null)).toBe('canceled');
    expect(g2PubStatus('pst:withheld', null)).toBe('withheld');
    expect(g2PubStatus('stat:usable', null)).toBe('usable');
    expect(g2PubStatus(null, 'http://cv.iptc.org/newscodes/pubstatusg2/canceled')).toBe('canceled');
    expect(g2PubStatus('http://cv.iptc.org/newscodes/pubstatusg2/withheld', null)).toBe('withheld');
  });
  it('gives null for an unknown or missing code', () => {
    expect(g2PubStatus('stat:odd', null)).toBeNull();
    expect(g2PubStatus(null, 'http://example.com/canceled')).toBeNull();
    expect(g2PubStatus('', '')).toBeNull();
    expect(g2PubStatus(undefined, undefined)).toBeNull();
  });
});
