/**
 * The site's alternate addresses (issue 22; domain/alternate-addresses.ts):
 * reading them, for every reader page, the feeds and the newsletter; and
 * saving an administrator's checked list. They show on every page (the
 * footer's link, the `Onion-Location` header) and in every feed, so a
 * change purges every page (a `site` change), on every instance and CDN.
 */
import {
  ALTERNATE_ADDRESSES_SETTING,
  formatAlternateAddresses,
  MAX_MIRROR_LABEL_LENGTH,
  MAX_MIRRORS,
  MAX_MIRROR_URL_LENGTH,
  mirrorUrlProblem,
  parseAlternateAddresses,
  mirrorField,
  readOnionAddress,
  type AlternateAddresses,
  type AlternateAddressesInput,
  type Mirror,
  type OnionProblem,
} from '../domain/alternate-addresses.js';
import { cleanLine } from '../domain/field-limits.js';
import { can, type Actor } from '../domain/roles.js';
import { AppError, InvalidInput, throwInvalidInputs, type PlainErrorCode } from '../lib/errors.js';
import type { Db } from '../storage/db.js';
import { getSetting, setSetting } from '../storage/repositories/settings.repository.js';
import { tellPublicChange, type PublicChangeDeps } from './public-changes.js';
import type { ReadDeps } from './read-pages.js';

/** The stored alternate addresses (none stored: none). */
export async function readAlternateAddresses(db: Db): Promise<AlternateAddresses> {
  return parseAlternateAddresses(await getSetting(db, ALTERNATE_ADDRESSES_SETTING));
}

/** The alternate addresses readers are shown. */
export function getAlternateAddresses(deps: ReadDeps): Promise<AlternateAddresses> {
  return readAlternateAddresses(deps.database.db);
}

function refuseUnlessAdministrator(actor: Actor): void {
  if (!can(actor, 'settings.manage')) {
    throw new AppError('FORBIDDEN', 'Only administrators list the alternate addresses.');
  }
}

/**
 * The stored addresses for the newsroom's form.
 * @throws FORBIDDEN (403) unless the actor manages settings (an administrator).
 */
export async function alternateAddressesForm(
  deps: ReadDeps,
  actor: Actor,
): Promise<AlternateAddresses> {
  refuseUnlessAdministrator(actor);
  return getAlternateAddresses(deps);
}

/** The code and log sentence of each reason an onion address is refused. */
const ONION_REFUSALS: Record<OnionProblem, [PlainErrorCode, string]> = {
  v2: ['ONION_V2', 'Version 2 onion addresses no longer work.'],
  checksum: ['ONION_CHECKSUM', 'The address has a mistyped character.'],
  path: ['ONION_PATH', 'Onion-Location takes the onion origin alone, with no path or query.'],
  'not-onion': ['ONION_NOT_ONION', 'The host is not a .onion address.'],
  credentials: ['ADDRESS_CREDENTIALS', 'A public address holds no user or password.'],
  invalid: ['ONION_INVALID', 'Not a v3 onion address.'],
};

/** The problems of the onion field. */
function onionProblems(text: string): {
  onion: AlternateAddresses['onion'];
  errors: InvalidInput[];
} {
  if (text.trim() === '') return { onion: null, errors: [] };
  const read = readOnionAddress(text);
  if ('onion' in read) return { onion: read.onion, errors: [] };
  const [code, message] = ONION_REFUSALS[read.problem];
  return { onion: null, errors: [new InvalidInput(code, 'onion', message)] };
}

/**
 * The problems of the mirrors' rows (empty rows are skipped), and the
 * mirrors they list: each URL trimmed, each label one clean line
 * (field-limits.ts `cleanLine`).
 */
function mirrorProblems(rows: readonly Mirror[]): { mirrors: Mirror[]; errors: InvalidInput[] } {
  const errors: InvalidInput[] = [];
  const mirrors: Mirror[] = [];
  rows.forEach((row, at) => {
    const url = row.url.trim();
    const label = cleanLine(row.label);
    if (url === '' && label === '') return;
    const urlField = mirrorField('url', at + 1);
    const problem = url === '' ? 'missing' : mirrorUrlProblem(url);
    if (problem === 'missing') {
      errors.push(new InvalidInput('MIRROR_URL_MISSING', urlField, 'A label needs its URL.'));
    } else if (problem === 'too-long') {
      errors.push(
        new InvalidInput('MIRROR_URL_TOO_LONG', urlField, 'The URL is too long.', {
          max: MAX_MIRROR_URL_LENGTH,
        }),
      );
    } else if (problem === 'credentials') {
      errors.push(
        new InvalidInput(
          'ADDRESS_CREDENTIALS',
          urlField,
          'A public address holds no user or password.',
        ),
      );
    } else if (problem === 'invalid') {
      errors.push(new InvalidInput('MIRROR_URL_INVALID', urlField, 'Not a mirror URL.'));
    } else if (mirrors.some((m) => m.url === url)) {
      errors.push(new InvalidInput('MIRROR_REPEATED', urlField, 'This mirror is listed twice.'));
    }
    if (label.length > MAX_MIRROR_LABEL_LENGTH) {
      errors.push(
        new InvalidInput('MIRROR_LABEL_TOO_LONG', mirrorField('label', at + 1), 'Too long.', {
          max: MAX_MIRROR_LABEL_LENGTH,
        }),
      );
    }
    if (problem === null) mirrors.push({ url, label });
  });
  const listed = rows.filter((row) => row.url.trim() !== '' || cleanLine(row.label) !== '').length;
  if (listed > MAX_MIRRORS) {
    errors.unshift(
      new InvalidInput('MIRRORS_TOO_MANY', 'mirrors', 'Too many mirrors.', { max: MAX_MIRRORS }),
    );
  }
  return { mirrors, errors };
}

/**
 * Checks and saves the alternate addresses. Every problem is found, not
 * only the first: the onion address (`onion`: ONION_V2, ONION_CHECKSUM,
 * ONION_PATH, ONION_NOT_ONION, ADDRESS_CREDENTIALS, ONION_INVALID), each
 * mirror row (`mirror-url-<n>`: MIRROR_URL_MISSING, MIRROR_URL_TOO_LONG,
 * ADDRESS_CREDENTIALS, MIRROR_URL_INVALID, MIRROR_REPEATED;
 * `mirror-label-<n>`: MIRROR_LABEL_TOO_LONG) and their number
 * (`mirrors`: MIRRORS_TOO_MANY). Nothing is saved while any is found.
 * Saving what is stored already changes nothing and purges nothing.
 * @returns whether anything changed.
 * @throws FORBIDDEN (403) unless the actor manages settings (an
 *   administrator); the InvalidInput (422), or an InvalidInputs holding every problem.
 */
export async function saveAlternateAddresses(
  deps: PublicChangeDeps,
  actor: Actor,
  input: AlternateAddressesInput,
): Promise<boolean> {
  refuseUnlessAdministrator(actor);
  const onion = onionProblems(input.onion);
  const mirrors = mirrorProblems(input.mirrors);
  throwInvalidInputs([...onion.errors, ...mirrors.errors]);
  const db = deps.database.db;
  const value = formatAlternateAddresses({ onion: onion.onion, mirrors: mirrors.mirrors });
  if (value === (await getSetting(db, ALTERNATE_ADDRESSES_SETTING))) return false;
  await setSetting(db, ALTERNATE_ADDRESSES_SETTING, value);
  tellPublicChange(deps, { kind: 'site' });
  return true;
}
