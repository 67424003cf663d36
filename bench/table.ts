/** The bench's printed table: a label, one column per engine, then the target. */

/** Width of the label column and of each value column, characters. */
const LABEL_WIDTH = 42;
const VALUE_WIDTH = 50;

/**
 * Prints one row: a label, then each engine's value right-aligned in its
 * column, then the target. A value up to VALUE_WIDTH - 2 characters keeps
 * two spaces from the one before it; a label longer than its column with
 * values after it takes a line of its own, so that the values stay in
 * their columns.
 */
export function row(label: string, values: string[], target = ''): void {
  if (values.length > 0 && label.length > LABEL_WIDTH) {
    console.log(label);
    label = '';
  }
  const line = `${label.padEnd(LABEL_WIDTH)}${values.map((v) => v.padStart(VALUE_WIDTH)).join('')}   ${target}`;
  console.log(line.trimEnd());
}

/** `12.34 ms` */
export const ms = (n: number) => `${n.toFixed(2)} ms`;
