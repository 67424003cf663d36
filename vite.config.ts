/**
 * Build of the newsroom's browser code (the rich-text editor) into
 * dist/admin-assets/, with content-hashed names and a manifest that the
 * server reads to link them. The reader site ships no bundled JavaScript.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/admin-assets',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    // The editor's CSS needs :dir() and :has() as written: lowered for older
    // browsers, :dir() becomes a :lang() list that means something else.
    cssTarget: ['chrome120', 'edge120', 'firefox121', 'safari16.4'],
    sourcemap: true,
    rollupOptions: {
      input: { editor: 'src/web/admin/client/editor.ts' },
    },
  },
});
