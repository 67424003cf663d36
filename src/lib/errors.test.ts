import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/format.js';
import { ERROR_CATALOGUE, type ErrorCode } from './error-catalogue.js';
import { AppError, hasCode, InvalidInput, isErrorCode } from './errors.js';

const CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

describe('the error catalogue', () => {
  it.each(CODES)('gives %s a sentence in Arabic and in English', (code) => {
    const { key } = ERROR_CATALOGUE[code];
    expect(translator('ar')(key)).not.toBe(key);
    expect(translator('en')(key)).not.toBe(key);
  });

  it('answers every code with a status of 4xx or 5xx', () => {
    for (const code of CODES) expect(ERROR_CATALOGUE[code].status).toBeGreaterThanOrEqual(400);
  });

  it('knows its codes and no others', () => {
    expect(isErrorCode('TAG_NOT_FOUND')).toBe(true);
    expect(isErrorCode('TAG_MISSING')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('AppError', () => {
  it('takes its status and message key from the catalogue, and keeps the English detail', () => {
    const error = new AppError('TAG_NOT_FOUND', 'No tag 7.');

    expect([error.code, error.status, error.messageKey, error.message]).toEqual([
      'TAG_NOT_FOUND',
      404,
      'error.TAG_NOT_FOUND',
      'No tag 7.',
    ]);
  });

  it('says its message in Arabic unless given another language', () => {
    const error = new InvalidInput('API_KEY_NAME_INVALID', 'name', 'Too long.', { max: 80 });

    expect(error.toUserMessage()).toBe(
      translator('ar')('admin.error.API_KEY_NAME_INVALID', { max: 80 }),
    );
    expect(error.toUserMessage(translator('en'))).toBe(
      translator('en')('admin.error.API_KEY_NAME_INVALID', { max: 80 }),
    );
    expect([error.status, error.field]).toEqual([422, 'name']);
  });

  it('carries the structured details of its code', () => {
    const at = new Date('2026-01-02T03:04:05Z');
    const error: unknown = new AppError('ARTICLE_CHANGED', 'Saved meanwhile.', {
      details: { by: 'سلمى', at },
    });

    expect(hasCode(error, 'ARTICLE_CHANGED') && error.details).toEqual({ by: 'سلمى', at });
  });

  it('refuses, at compile time, a code outside the catalogue and missing details', () => {
    // @ts-expect-error: not a code of the catalogue
    expect(() => new AppError('NO_SUCH_CODE', 'x')).toThrow(TypeError);
    // @ts-expect-error: ARTICLE_CHANGED needs its details
    expect(new AppError('ARTICLE_CHANGED', 'x').details).toEqual({});
  });
});
