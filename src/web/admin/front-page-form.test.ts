import { describe, expect, it } from 'vitest';
import { frontPageInputOf } from './front-page-form.js';

describe('frontPageInputOf', () => {
  it('orders the checked sections by their numbers, unnumbered ones last in form order', () => {
    const input = frontPageInputOf({
      menu: ['4', '2', '9', '7'],
      'menu-order-4': '3',
      'menu-order-2': '1',
      'menu-order-9': 'x',
      'menu-order-7': '3',
      block: '5',
      'block-order-5': '2',
      logo: ' 12 ',
      opinion: '8',
      'secondary-1': '/a/42/slug',
      'secondary-3': '17',
    });
    expect(input).toEqual({
      logoMediaId: '12',
      menuSectionIds: ['2', '4', '7', '9'],
      blockSectionIds: ['5'],
      opinionSectionId: '8',
      secondary: ['/a/42/slug', '', '17', ''],
    });
  });

  it('reads an empty form as no choices', () => {
    expect(frontPageInputOf({})).toEqual({
      logoMediaId: '',
      menuSectionIds: [],
      blockSectionIds: [],
      opinionSectionId: '',
      secondary: ['', '', '', ''],
    });
  });
});
