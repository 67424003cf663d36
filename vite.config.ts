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
    sourcemap: true,
    rollupOptions: {
      input: { editor: 'src/web/admin/client/editor.ts' },
    },
  },
});
