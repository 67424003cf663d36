import { describe, expect, it } from 'vitest';
import { emptyReport, noteMissingAlt } from '../services/site-import/site-import-report.js';
import { siteReportDetails, siteReportSummary } from './site-report-lines.js';

describe('the site import report as printed', () => {
  it('counts the posts published with an empty body, and names each', () => {
    const report = emptyReport('wordpress', false);
    report.emptyBodies.push(
      { key: '101', headline: 'خبر بلا نص' },
      { key: '102', headline: 'صور' },
    );

    expect(siteReportSummary('export.xml', report).at(-2)).toBe(
      '  published with an empty body (listed below, still published so their old links work): 2',
    );
    expect(siteReportDetails('export.xml', report)).toEqual([
      'export.xml: post 101 «خبر بلا نص» published with an empty body',
      'export.xml: post 102 «صور» published with an empty body',
    ]);
  });

  it('counts every published post with images lacking alt text, and names the first 200', () => {
    const report = emptyReport('ghost', false);
    for (let n = 1; n <= 201; n++) {
      noteMissingAlt(report, { key: `p${n}`, headline: `خبر ${n}` }, '<p>نص</p>', true);
    }
    noteMissingAlt(
      report,
      { key: 'body', headline: 'صورة' },
      '<img src="/media/1/w960.webp">',
      false,
    );
    noteMissingAlt(
      report,
      { key: 'described', headline: 'موصوفة' },
      '<img src="/a.webp" alt="خريطة">',
      false,
    );

    expect(report.missingAlt.count).toBe(202);
    expect(report.missingAlt.posts).toHaveLength(200);
    expect(siteReportSummary('export.json', report).at(-1)).toBe(
      '  published with images lacking alt text (the first 200 listed below, to describe in the newsroom): 202',
    );
    const details = siteReportDetails('export.json', report);
    expect(details).toHaveLength(200);
    expect([details[0], details[199]]).toEqual([
      'export.json: post p1 «خبر 1» published with images lacking alt text',
      'export.json: post p200 «خبر 200» published with images lacking alt text',
    ]);
  });
});
