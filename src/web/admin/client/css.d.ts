// Vite's `?inline` import: the file's CSS, minified, as a string.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
