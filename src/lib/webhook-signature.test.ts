import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const AT = new Date('2026-11-29T12:00:00.000Z');
const BODY = '{"event":"article.published"}';

describe('webhook signatures', () => {
  it('signs the unix time and the body with HMAC-SHA256', () => {
    const expected = createHmac('sha256', 'whsec_test').update(`1795953600.${BODY}`).digest('hex');
    expect(signWebhook('whsec_test', BODY, AT)).toBe(`t=1795953600,v1=${expected}`);
  });

  it('verifies its own signature within five minutes, and nothing else', () => {
    const header = signWebhook('whsec_test', BODY, AT);
    expect(verifyWebhook('whsec_test', BODY, header, new Date(AT.getTime() + 299_000))).toBe(true);
    expect(verifyWebhook('whsec_test', BODY, header, new Date(AT.getTime() + 301_000))).toBe(false);
    expect(verifyWebhook('whsec_other', BODY, header, AT)).toBe(false);
    expect(verifyWebhook('whsec_test', `${BODY} `, header, AT)).toBe(false);
    expect(verifyWebhook('whsec_test', BODY, 't=1795953600', AT)).toBe(false);
  });
});
