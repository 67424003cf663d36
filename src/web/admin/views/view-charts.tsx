/**
 * Small charts of views for the newsroom, as inline SVG drawn on the
 * server (no script, no library): a bar chart with its time axis, a
 * sparkline, and a stacked bar of where readers came from.
 *
 * Right to left: in an Arabic newsroom time runs from right (oldest) to
 * left (newest), as the text does; in English from left to right. The
 * site's CSP allows no inline style, so sizes are SVG attributes and
 * colours are classes (admin.css `.chart…`, `.referrer--…`).
 */
import { formatNumber } from '../../../arabic/digits.js';
import type { ReferrerSplit } from '../../../domain/live-readers.js';
import { REFERRER_KINDS } from '../../../domain/referrer-kind.js';
import type { AdminContext } from '../admin-context.js';

/** What a chart needs to speak: the language, its direction, the translator and the site's digits. */
export type ChartVoice = Pick<AdminContext, 't' | 'lang' | 'dir' | 'locale'>;

/** `n` in the voice's digits, grouped (1,234 or ١٬٢٣٤). */
export function figure(voice: Pick<ChartVoice, 'locale'>, n: number): string {
  return formatNumber(n, voice.locale.numerals);
}

/** Rounds to two decimals, so that the markup stays short. */
const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Where slot `i` of `slots` starts, in % of the chart's width from its
 * left edge: time runs from the left in LTR and from the right in RTL.
 */
function slotLeft(dir: 'rtl' | 'ltr', i: number, slots: number): number {
  const step = 100 / slots;
  return dir === 'rtl' ? (slots - 1 - i) * step : i * step;
}

/** A label within this many % of a side is anchored inward, so that it is never cut. */
const EDGE = 10;

/**
 * Where a label under slot `i` goes and which way it runs (the SVG is
 * drawn left to right whatever the page's direction): centred under its
 * bar, or, near a side, starting from the bar's outer edge inward.
 */
function tickPlace(
  dir: 'rtl' | 'ltr',
  i: number,
  slots: number,
): { x: number; anchor: 'start' | 'middle' | 'end' } {
  const step = 100 / slots;
  const left = slotLeft(dir, i, slots);
  const centre = left + step / 2;
  if (centre < EDGE) return { x: left, anchor: 'start' };
  if (centre > 100 - EDGE) return { x: left + step, anchor: 'end' };
  return { x: centre, anchor: 'middle' };
}

/**
 * A bar chart of `values` (oldest first), as wide as its container and
 * `height` CSS px high (default 160). Each bar has its `title(i)` as a
 * tooltip; `ticks` label some bars under the axis; the largest value is
 * written at the top on the side where time starts (right in Arabic).
 *
 * The SVG has no viewBox: across it bars are placed in % of its width,
 * down it in px, so text is drawn at its CSS size (admin.css `.chart__tick`,
 * 12 px) at any width and never stretched; labels near a side run inward.
 * With fewer values than `slots`, the bars keep the width of `slots` bars
 * from the oldest side, so that one hour is not one bar across the chart.
 */
export function BarChart(props: {
  voice: ChartVoice;
  values: readonly number[];
  title: (i: number) => string;
  ticks: ReadonlyArray<{ index: number; label: string }>;
  label: string;
  /** Bars the width is shared by at least (default: as many as values). */
  slots?: number;
  height?: number;
  class?: string;
}) {
  const { voice, values } = props;
  const dir = voice.dir;
  const height = props.height ?? 160;
  const top = 20;
  const bottom = 22;
  const plot = height - top - bottom;
  const max = Math.max(0, ...values);
  const slots = Math.max(1, values.length, props.slots ?? 0);
  const step = 100 / slots;
  // A gap of a fifth of a bar while bars are at least 1% wide; none when they are thinner.
  const gap = step >= 1 ? step / 5 : 0;
  return (
    <svg
      class={`chart ${props.class ?? ''}`.trim()}
      width="100%"
      height={height}
      direction="ltr"
      role="img"
      aria-label={props.label}
    >
      <line class="chart__grid" x1="0" x2="100%" y1={top} y2={top} />
      <text
        class="chart__max"
        x={dir === 'rtl' ? '100%' : '0'}
        y={top - 6}
        text-anchor={dir === 'rtl' ? 'end' : 'start'}
      >
        {figure(voice, max)}
      </text>
      <line class="chart__axis" x1="0" x2="100%" y1={top + plot} y2={top + plot} />
      {values.map((v, i) => {
        const h = max > 0 ? (v / max) * plot : 0;
        return (
          <rect
            class="chart__bar"
            x={`${r2(slotLeft(dir, i, slots) + gap / 2)}%`}
            y={r2(top + plot - h)}
            width={`${r2(Math.max(0.1, step - gap))}%`}
            height={r2(h)}
          >
            <title>{props.title(i)}</title>
          </rect>
        );
      })}
      {props.ticks.map((tick) => {
        const place = tickPlace(dir, tick.index, slots);
        return (
          <text class="chart__tick" x={`${r2(place.x)}%`} y={height - 6} text-anchor={place.anchor}>
            {tick.label}
          </text>
        );
      })}
    </svg>
  );
}

/** A sparkline of `values` (oldest first), 120×24 SVG units, time running as the text does. */
export function Sparkline(props: { voice: ChartVoice; values: readonly number[]; label: string }) {
  const { voice, values } = props;
  const width = 120;
  const height = 24;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values
    .map((v, i) => {
      const x = voice.dir === 'rtl' ? width - i * step : i * step;
      return `${r2(x)},${r2(height - 1 - (v / max) * (height - 2))}`;
    })
    .join(' ');
  return (
    <svg
      class="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={props.label}
    >
      <polyline class="sparkline__line" points={points} fill="none" />
    </svg>
  );
}

/**
 * Where readers came from: a stacked bar (100×8 SVG units, the kinds in
 * the order search, social, direct, other, from the start of the line)
 * and the four figures, each with its word.
 */
export function ReferrerSplitView(props: { voice: ChartVoice; split: ReferrerSplit }) {
  const { voice, split } = props;
  const { t } = voice;
  const total = REFERRER_KINDS.reduce((sum, kind) => sum + split[kind], 0);
  let at = 0;
  return (
    <div class="referrer-split">
      <svg
        class="referrer-split__bar"
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        {total > 0
          ? REFERRER_KINDS.map((kind) => {
              const w = (split[kind] / total) * 100;
              const x = voice.dir === 'rtl' ? 100 - at - w : at;
              at += w;
              return w > 0 ? (
                <rect class={`referrer--${kind}`} x={r2(x)} y={0} width={r2(w)} height={8} />
              ) : null;
            })
          : null}
      </svg>
      <ul class="referrer-split__figures">
        {REFERRER_KINDS.map((kind) => (
          <li class={`referrer-split__figure referrer-split__figure--${kind}`} data-referrer={kind}>
            <span class="referrer-split__word">{t(`admin.live.referrer.${kind}`)}</span>{' '}
            <bdi class="referrer-split__n">{figure(voice, split[kind])}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}
