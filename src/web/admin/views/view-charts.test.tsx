import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { SiteLocale } from '../../../arabic/locale.js';
import { translator } from '../../../i18n/format.js';
import { BarChart, type ChartVoice } from './view-charts.js';

/** The site's locale (always Arabic); the newsroom's language sets the chart's direction. */
const locale: SiteLocale = {
  lang: 'ar',
  dir: 'rtl',
  timeZone: 'Asia/Damascus',
  numerals: 'latn',
  monthNames: 'levant',
  calendar: 'gregory',
};
const voice = (dir: 'rtl' | 'ltr'): ChartVoice => ({
  t: translator(dir === 'rtl' ? 'ar' : 'en'),
  lang: dir === 'rtl' ? 'ar' : 'en',
  dir,
  locale,
});

/** The chart's bars as [x, width] and its labels as [text, x, anchor]. */
function drawn(html: string) {
  return {
    bars: [...html.matchAll(/<rect class="chart__bar" x="([^"]+)" y="[^"]+" width="([^"]+)"/g)].map(
      (m) => [m[1], m[2]],
    ),
    labels: [
      ...html.matchAll(
        /<text class="chart__(max|tick)" x="([^"]+)" y="[^"]+" text-anchor="(\w+)">([^<]*)</g,
      ),
    ].map((m) => [m[1], m[4], m[2], m[3]]),
  };
}

const chart = (dir: 'rtl' | 'ltr', values: number[], extra: { slots?: number } = {}) =>
  renderToString(
    <BarChart
      voice={voice(dir)}
      values={values}
      title={(i) => `bar ${i}`}
      ticks={values.map((_, index) => ({ index, label: `t${index}` }))}
      label="views"
      {...extra}
    />,
  );

describe('BarChart', () => {
  it('draws in % across and px down, with no viewBox, so that its labels are never scaled or stretched', () => {
    const html = chart('rtl', [1, 5026]);
    expect(html).toMatch(
      /^<svg class="chart" width="100%" height="160" direction="ltr" role="img" aria-label="views">/,
    );
    expect(html).not.toContain('viewBox');
    expect(html).not.toContain('preserveAspectRatio');
    expect(html).not.toContain('style=');
  });

  it('runs time from the right in Arabic: the oldest bar on the right, the max on the right, side labels inward', () => {
    expect(drawn(chart('rtl', [1, 5026, 3]))).toEqual({
      bars: [
        ['70%', '26.67%'],
        ['36.67%', '26.67%'],
        ['3.33%', '26.67%'],
      ],
      labels: [
        ['max', '5,026', '100%', 'end'],
        ['tick', 't0', '83.33%', 'middle'],
        ['tick', 't1', '50%', 'middle'],
        ['tick', 't2', '16.67%', 'middle'],
      ],
    });
    // Sixty minutes: the newest label starts at the left edge, the oldest ends at the right.
    const minutes = drawn(chart('rtl', new Array<number>(60).fill(2)));
    expect(minutes.labels.at(1)).toEqual(['tick', 't0', '100%', 'end']);
    expect(minutes.labels.at(-1)).toEqual(['tick', 't59', '0%', 'start']);
    expect(minutes.labels[30]).toEqual(['tick', 't29', '50.83%', 'middle']);
  });

  it('runs time from the left in English, the max on the left', () => {
    const minutes = drawn(chart('ltr', new Array<number>(60).fill(2)));
    expect(minutes.labels[0]).toEqual(['max', '2', '0', 'start']);
    expect(minutes.labels.at(1)).toEqual(['tick', 't0', '0%', 'start']);
    expect(minutes.labels.at(-1)).toEqual(['tick', 't59', '100%', 'end']);
    expect(minutes.bars[0]).toEqual(['0.17%', '1.33%']);
  });

  it('keeps one hour to a 24th of the width, from the oldest side', () => {
    expect(drawn(chart('rtl', [40], { slots: 24 }))).toEqual({
      bars: [['96.25%', '3.33%']],
      labels: [
        ['max', '40', '100%', 'end'],
        ['tick', 't0', '100%', 'end'],
      ],
    });
    expect(drawn(chart('ltr', [40], { slots: 24 })).bars).toEqual([['0.42%', '3.33%']]);
  });
});
