/** Option parsers the bench's commands share (commander). */
import { InvalidArgumentError } from 'commander';

/** A whole number above 0. @throws InvalidArgumentError otherwise, which commander prints. */
export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number above 0');
  return n;
}
