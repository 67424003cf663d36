/**
 * Build of a static mirror's search script (src/web/mirror/client/mirror-search.ts)
 * into dist/mirror-assets/mirror-search.js: one classic script (IIFE), since a
 * mirror opened from `file://` may load a script but not a module. It bundles the
 * site's own Arabic analysis (src/arabic/), so that a query is read as the index was
 * made. ES2018: the analysis uses Unicode property escapes in regular expressions.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/mirror-assets',
    emptyOutDir: true,
    target: 'es2018',
    minify: true,
    lib: {
      entry: 'src/web/mirror/client/mirror-search.ts',
      formats: ['iife'],
      name: 'midadMirrorSearch',
      fileName: () => 'mirror-search.js',
    },
  },
});
