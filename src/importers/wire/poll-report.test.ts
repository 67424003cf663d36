import { describe, expect, it } from 'vitest';
import { emptySourceReport, sourceReportLine } from './poll-report.js';

const source = { id: '1', name: 'sana-ar', kind: 'url' as const };

describe('sourceReportLine', () => {
  it.each([
    [
      { status: 'ok' as const, added: 3, updated: 1, duplicates: 2 },
      'sana-ar: 3 new, 1 updated, 2 duplicates',
    ],
    [{ status: 'not-modified' as const }, 'sana-ar: not modified'],
    [
      { status: 'failed' as const, error: 'fetch failed: 500' },
      'sana-ar: failed: fetch failed: 500',
    ],
  ])('says %o as %s', (changes, line) => {
    expect(sourceReportLine({ ...emptySourceReport(source), ...changes })).toBe(line);
  });
});
