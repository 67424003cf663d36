import { describe, expect, it } from 'vitest';
import { AppError, InvalidInput, InvalidInputs } from '../../lib/errors.js';
import { testPageContext } from '../../../test/helpers/page-context.js';
import type { AdminVoice } from './admin-context.js';
import { formErrorsOf } from './form-errors.js';

const { t, locale, now } = testPageContext();
const voice: AdminVoice = { t, locale, now, lang: 'ar' };

describe('formErrorsOf', () => {
  it('marks every field of several invalid inputs (the summary above the form lists them)', () => {
    const error = new InvalidInputs([
      new InvalidInput('PROFILE_BIO_TOO_LONG', 'bio', 'Too long.', { max: 1000 }),
      new InvalidInput('PROFILE_LINK_INVALID', 'link-x', 'Not http.'),
    ]);
    expect(error.status).toBe(422);
    expect(error.code).toBe('PROFILE_BIO_TOO_LONG');
    expect(formErrorsOf(voice, error)).toEqual({
      fields: {
        bio: 'النبذة طويلة جداً: 1000 حرف على الأكثر.',
        'link-x': 'اكتب عنواناً كاملاً يبدأ بـ https:// أو http://.',
      },
    });
  });

  it('puts one invalid input next to its field, and another refusal above the form', () => {
    expect(
      formErrorsOf(
        voice,
        new InvalidInput('DESCRIPTION_TOO_LONG', 'description', 'x', { max: 500 }),
      ),
    ).toEqual({ fields: { description: 'الوصف طويل جداً: 500 حرف على الأكثر.' } });
    expect(formErrorsOf(voice, new AppError('FORBIDDEN', 'No.'))).toEqual({
      form: expect.any(String),
    });
  });
});
