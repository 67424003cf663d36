import { describe, expect, it } from 'vitest';
import { emptyReport } from '../services/site-import/site-import-report.js';
import { siteReportDetails, siteReportSummary } from './site-report-lines.js';

describe('the site import report as printed', () => {
  it('counts the posts published with an empty body, and names each', () => {
    const report = emptyReport('wordpress', false);
    report.emptyBodies.push(
      { key: '101', headline: 'خبر بلا نص' },
      { key: '102', headline: 'صور' },
    );

    expect(siteReportSummary('export.xml', report).at(-1)).toBe(
      '  published with an empty body (listed below, still published so their old links work): 2',
    );
    expect(siteReportDetails('export.xml', report)).toEqual([
      'export.xml: post 101 «خبر بلا نص» published with an empty body',
      'export.xml: post 102 «صور» published with an empty body',
    ]);
  });
});
