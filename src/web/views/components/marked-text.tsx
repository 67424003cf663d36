/**
 * A search result's headline or snippet: the matched words in `<mark>`,
 * each left-to-right run (a Latin name, `Unicode Conference`) isolated in
 * `<bdi dir="ltr">` so that the brackets and punctuation around it stay
 * where the Arabic sentence puts them.
 */
import { directedParts } from '../../../domain/directed-parts.js';
import type { TextPart } from '../../../domain/search-result.js';

function Parts({ parts }: { parts: readonly TextPart[] }) {
  return <>{parts.map((p) => (p.match ? <mark>{p.text}</mark> : p.text))}</>;
}

/** Text with its matched words in `<mark>` and its left-to-right runs isolated. */
export function Marked({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {directedParts(parts).map((group) =>
        group.ltr ? (
          <bdi dir="ltr">
            <Parts parts={group.parts} />
          </bdi>
        ) : (
          <Parts parts={group.parts} />
        ),
      )}
    </>
  );
}
