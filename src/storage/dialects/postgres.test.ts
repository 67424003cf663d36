import { describe, expect, it } from 'vitest';
import { hasCode } from '../../lib/errors.js';
import { openPostgres, withoutPassword } from './postgres.js';

describe('openPostgres', () => {
  it('refuses a server that does not answer, naming it without its password', async () => {
    const opening = openPostgres('postgres://midad:s3cret@127.0.0.1:1/midad');
    await expect(opening).rejects.toThrow(
      'Cannot open the PostgreSQL database postgres://midad:***@127.0.0.1:1/midad: no server answers there (is PostgreSQL running?).',
    );
    expect(hasCode(await opening.catch((e: unknown) => e), 'DB_OPEN_FAILED')).toBe(true);
  });

  it.each([
    ['postgres://u:p@h/db', 'postgres://u:***@h/db'],
    ['postgresql://u@h:5432/db', 'postgresql://u@h:5432/db'],
    ['not a url', '(a malformed URL)'],
  ])('shows %s as %s', (url, shown) => {
    expect(withoutPassword(url)).toBe(shown);
  });
});
