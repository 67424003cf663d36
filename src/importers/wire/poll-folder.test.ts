import { describe, expect, it } from 'vitest';
import { isWireFileName } from './poll-folder.js';

describe('isWireFileName', () => {
  it.each([
    ['20261204-item.xml', true],
    ['story.NITF', true],
    ['feed.json', true],
    ['AFP_ARABIC_0001', true],
    ['photo.jpg', false],
    ['.upload.xml', false],
    ['~lock.xml', false],
    ['item.xml.part', false],
    ['item.xml.tmp', false],
  ])('%s → %s', (name, read) => {
    expect(isWireFileName(name)).toBe(read);
  });
});
