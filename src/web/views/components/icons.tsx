/**
 * The article toolbar's icons: small inline SVG line drawings (24-unit
 * grid, drawn in the text colour), always `aria-hidden`: the control that
 * holds one carries its name as text for screen readers.
 */

/** Paths of each icon, in a 24 × 24 view box, stroked. */
const PATHS = {
  share:
    'M8.6 13.5l6.8 4M15.4 6.5l-6.8 4M21 5a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM9 12a3 3 0 1 1-6 0 3 3 0 0 1 6 0zM21 19a3 3 0 1 1-6 0 3 3 0 0 1 6 0z',
  link: 'M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7',
  larger: 'M3 20L9 4l6 16M5.3 14h7.4M19 6v6M16 9h6',
  smaller: 'M3 20L9 4l6 16M5.3 14h7.4M16 9h6',
} as const;

export type IconName = keyof typeof PATHS;

/**
 * @example <Icon name="share" /> // <svg class="icon" aria-hidden="true" …><path d="…"/></svg>
 */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      class="icon"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
