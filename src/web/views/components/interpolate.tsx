/**
 * A translated sentence whose `{name}` placeholders are filled with
 * elements rather than strings (a number in `<bdi>`, a link). Placeholders
 * without a slot stay as written.
 */
import type { ComponentChildren } from 'preact';

export function Interpolate(props: {
  message: string;
  slots: Readonly<Record<string, ComponentChildren>>;
}) {
  const pieces = props.message.split(/(\{\w+\})/);
  return (
    <>
      {pieces.map((piece) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        return name !== undefined && name in props.slots ? props.slots[name] : piece;
      })}
    </>
  );
}
