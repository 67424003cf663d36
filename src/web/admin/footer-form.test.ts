import { describe, expect, it } from 'vitest';
import { footerChoiceOf } from './footer-form.js';

describe('the footer menu form', () => {
  it('orders the checked pages by their numbers, smallest first', () => {
    const body = { footer: ['12', '7', '30'], 'order-12': '3', 'order-7': '1', 'order-30': '2' };
    expect(footerChoiceOf(body)).toEqual(['7', '30', '12']);
  });

  it('reads a single checked page', () => {
    expect(footerChoiceOf({ footer: '12', 'order-12': '5' })).toEqual(['12']);
  });

  it('puts pages without a number last, equal numbers in the form order, and drops non-ids', () => {
    const body = { footer: ['4', '5', 'x', '6'], 'order-4': '', 'order-5': '2', 'order-6': '2' };
    expect(footerChoiceOf(body)).toEqual(['5', '6', '4']);
  });

  it('reads nothing when no page is checked', () => {
    expect(footerChoiceOf({ 'order-4': '1' })).toEqual([]);
  });
});
