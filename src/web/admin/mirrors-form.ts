/**
 * Reading the alternate addresses form (views/mirrors-settings-page.tsx):
 * the onion address (`onion`) and the mirrors' rows (`mirror-url-<n>`,
 * `mirror-label-<n>`, n from 1), in the form's order, empty rows too, so
 * that an error names the row it is in. Rows past MAX_FORM_ROWS are not
 * read: enough for the service to refuse a list longer than MAX_MIRRORS.
 */
import {
  MAX_MIRRORS,
  mirrorField,
  type AlternateAddressesInput,
} from '../../domain/alternate-addresses.js';
import { field } from './form-errors.js';

/** Rows read at most: twice the mirrors a site may list. */
const MAX_FORM_ROWS = 2 * MAX_MIRRORS;

/** The form's values as the service takes them; trailing empty rows are dropped. */
export function mirrorsInputOf(body: unknown): AlternateAddressesInput {
  const rows = Array.from({ length: MAX_FORM_ROWS }, (_, at) => ({
    url: field(body, mirrorField('url', at + 1)),
    label: field(body, mirrorField('label', at + 1)),
  }));
  while (rows.length > 0 && rows.at(-1)!.url.trim() === '' && rows.at(-1)!.label.trim() === '') {
    rows.pop();
  }
  return { onion: field(body, 'onion'), mirrors: rows };
}
