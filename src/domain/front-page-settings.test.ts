import { describe, expect, it } from 'vitest';
import {
  changedFields,
  formatFrontPageSettings,
  NO_FRONT_PAGE_SETTINGS,
  parseFrontPageSettings,
} from './front-page-settings.js';

describe('parseFrontPageSettings', () => {
  it('reads back what formatFrontPageSettings wrote', () => {
    const settings = {
      logoMediaId: '7',
      menuSectionIds: ['3', '1'],
      blockSectionIds: ['2'],
      opinionSectionId: '9',
      secondaryIds: parseFrontPageSettings('{"secondaryIds":["42","9007199254740993"]}')
        .secondaryIds,
    };
    expect(parseFrontPageSettings(formatFrontPageSettings(settings))).toEqual(settings);
    expect(settings.secondaryIds).toEqual(['42', '9007199254740993']);
  });

  it.each([[null], ['not json'], ['[1,2]'], ['"text"']])('reads %s as no settings', (value) => {
    expect(parseFrontPageSettings(value)).toEqual(NO_FRONT_PAGE_SETTINGS);
  });

  it('keeps the readable parts of a hand-edited setting: distinct ids, up to the limits', () => {
    const parsed = parseFrontPageSettings(
      JSON.stringify({
        logoMediaId: 12,
        menuSectionIds: ['3', '3', 'x', '0', '5'],
        blockSectionIds: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
        opinionSectionId: '04',
        secondaryIds: ['1', '2', '3', '4', '5'],
      }),
    );
    expect(parsed).toEqual({
      logoMediaId: null,
      menuSectionIds: ['3', '5'],
      blockSectionIds: ['1', '2', '3', '4', '5', '6', '7', '8'],
      opinionSectionId: null,
      secondaryIds: ['1', '2', '3', '4'],
    });
  });
});

describe('changedFields', () => {
  it('names the parts that differ, an order change included, in the form order', () => {
    const before = { ...NO_FRONT_PAGE_SETTINGS, menuSectionIds: ['1', '2'], logoMediaId: '4' };
    const after = { ...NO_FRONT_PAGE_SETTINGS, menuSectionIds: ['2', '1'], opinionSectionId: '3' };
    expect(changedFields(before, after)).toEqual(['logo', 'menu', 'opinion']);
    expect(changedFields(after, after)).toEqual([]);
  });
});
