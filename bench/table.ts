/** The bench's printed table: a label, one column per engine, then the target. */

/** Width of the label column and of each value column, characters. */
const LABEL_WIDTH = 40;
const VALUE_WIDTH = 46;

/** Prints one row: a label, then each engine's value, then the target. */
export function row(label: string, values: string[], target = ''): void {
  console.log(
    `${label.padEnd(LABEL_WIDTH)}${values.map((v) => v.padStart(VALUE_WIDTH)).join('')}   ${target}`,
  );
}

/** `12.34 ms` */
export const ms = (n: number) => `${n.toFixed(2)} ms`;
