/**
 * A number with its noun in the grammatical form Arabic requires for it
 * (CLDR plural categories, see arabic/plural.ts), the number isolated in
 * `<bdi>` so that it never reorders the surrounding text.
 */
import { arabicPluralCategory, type PluralForms } from '../../../arabic/plural.js';
import { formatNumber } from '../../../arabic/digits.js';
import type { Numerals } from '../../../arabic/locale.js';

export function CountPhrase(props: { n: number; forms: PluralForms; numerals: Numerals }) {
  const form = props.forms[arabicPluralCategory(props.n)];
  const [before, after] = form.split('{count}');
  if (after === undefined) return <>{form}</>;
  return (
    <>
      {before}
      <bdi>{formatNumber(props.n, props.numerals)}</bdi>
      {after}
    </>
  );
}
