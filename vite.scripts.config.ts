// Content scripts, one classic script each (declared and injected scripts cannot be ES modules):
//   QINGDU_ENTRY=detector    → dist/detector.js, on every page: profiles and classification only, kept small;
//   QINGDU_ENTRY=page-bundle → dist/page-bundle.js, injected on demand: Readability, DOMPurify and the formats.
import { resolve } from 'node:path';
import { escapeUnsafeCharacters } from './tools/vite-plugins';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const entry = process.env.QINGDU_ENTRY;
if (entry !== 'detector' && entry !== 'page-bundle') throw new Error('set QINGDU_ENTRY to detector or page-bundle');

export default defineConfig({
  publicDir: false,
  plugins: [escapeUnsafeCharacters()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: false,
    target: ['chrome121', 'firefox142'],
    minify: true,
    sourcemap: false,
    lib: {
      entry: resolve(root, `src/content/${entry}.ts`),
      formats: ['iife'],
      name: entry === 'detector' ? 'qingduDetector' : 'qingduPageBundle',
      fileName: () => `${entry}.js`,
    },
  },
});
