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

/** The x of step `i` of `count` steps of `width` each: from the left, or from the right in RTL. */
function stepX(dir: 'rtl' | 'ltr', i: number, count: number, width: number): number {
  return dir === 'rtl' ? (count - 1 - i) * width : i * width;
}

/** Rounds to two decimals, so that the markup stays short. */
const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A bar chart of `values` (oldest first), `width`×`height` SVG units. Each
 * bar has its `title(i)` as a tooltip; `ticks` label some bars under the
 * axis; the largest value is written at the top.
 */
export function BarChart(props: {
  voice: ChartVoice;
  values: readonly number[];
  title: (i: number) => string;
  ticks: ReadonlyArray<{ index: number; label: string }>;
  label: string;
  width?: number;
  height?: number;
  class?: string;
}) {
  const { voice, values } = props;
  const width = props.width ?? 600;
  const height = props.height ?? 160;
  const top = 16;
  const bottom = 18;
  const plot = height - top - bottom;
  const max = Math.max(0, ...values);
  const step = values.length > 0 ? width / values.length : width;
  const gap = step > 4 ? 1 : 0;
  return (
    <svg
      class={`chart ${props.class ?? ''}`.trim()}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={props.label}
      preserveAspectRatio="none"
    >
      <text
        class="chart__max"
        x={voice.dir === 'rtl' ? width - 2 : 2}
        y={12}
        text-anchor={voice.dir === 'rtl' ? 'end' : 'start'}
      >
        {figure(voice, max)}
      </text>
      <line class="chart__axis" x1={0} x2={width} y1={top + plot} y2={top + plot} />
      {values.map((v, i) => {
        const h = max > 0 ? (v / max) * plot : 0;
        return (
          <rect
            class="chart__bar"
            x={r2(stepX(voice.dir, i, values.length, step) + gap / 2)}
            y={r2(top + plot - h)}
            width={r2(Math.max(0.5, step - gap))}
            height={r2(h)}
          >
            <title>{props.title(i)}</title>
          </rect>
        );
      })}
      {props.ticks.map((tick) => (
        <text
          class="chart__tick"
          x={r2(stepX(voice.dir, tick.index, values.length, step) + step / 2)}
          y={height - 4}
          text-anchor="middle"
        >
          {tick.label}
        </text>
      ))}
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
