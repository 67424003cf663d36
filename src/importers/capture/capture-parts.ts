/**
 * The small parts a capture's parser finds (dates, times, "read also"
 * links), in a file of their own so that the parser's helpers and the
 * mapping name them without importing the parser (parse-capture.ts).
 */

/** A calendar date as printed on the page; month 1–12. */
export interface CaptureDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock time as printed on the page, 24-hour. */
export interface CaptureTime {
  hour: number;
  minute: number;
}

/** An inline "read also" link; `afterParagraph` counts the body paragraphs before it. */
export interface ReadAlso {
  headline: string;
  afterParagraph: number;
}
