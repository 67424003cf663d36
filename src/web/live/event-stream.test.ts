import { describe, expect, it } from 'vitest';
import { formatEvent } from './event-stream.js';

describe('formatEvent', () => {
  it('writes data alone as one data line and a blank line', () => {
    expect(formatEvent({ data: 'مرحبا' })).toBe('data: مرحبا\n\n');
  });

  it('writes the event name, then the id, then the data', () => {
    expect(formatEvent({ event: 'update', id: '7', data: '{"action":"posted","number":7}' })).toBe(
      'event: update\nid: 7\ndata: {"action":"posted","number":7}\n\n',
    );
  });

  it('gives each line of multi-line data its own data line, whatever the line break', () => {
    expect(formatEvent({ data: 'سطر أول\nسطر ثان\r\nسطر ثالث\rرابع' })).toBe(
      'data: سطر أول\ndata: سطر ثان\ndata: سطر ثالث\ndata: رابع\n\n',
    );
  });

  it('keeps empty lines and a trailing line break as empty data lines', () => {
    expect(formatEvent({ data: 'a\n\nb\n' })).toBe('data: a\ndata: \ndata: b\ndata: \n\n');
    expect(formatEvent({ data: '' })).toBe('data: \n\n');
  });

  it('writes an empty id, which tells the browser to forget its last id', () => {
    expect(formatEvent({ id: '', data: 'x' })).toBe('id: \ndata: x\n\n');
  });

  it('keeps colons and leading spaces inside data as they are', () => {
    expect(formatEvent({ event: 'state', data: ' {"state": "ended"}' })).toBe(
      'event: state\ndata:  {"state": "ended"}\n\n',
    );
  });

  it.each([
    ['an event name with a line feed', { event: 'a\nb', data: 'x' }],
    ['an event name with a carriage return', { event: 'a\rb', data: 'x' }],
    ['an id with a line feed', { id: '1\n2', data: 'x' }],
    ['an id with a NUL', { id: '1\u00002', data: 'x' }],
  ])('refuses %s, which would split the event', (_, event) => {
    expect(() => formatEvent(event)).toThrow(RangeError);
  });
});
