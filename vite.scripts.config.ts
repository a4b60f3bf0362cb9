// Content scripts, one classic script each (declared and injected scripts cannot be ES modules):
//   QINGDU_ENTRY=detector    → dist/detector.js, on every page: profiles and classification only, kept small;
//   QINGDU_ENTRY=page-bundle → dist/page-bundle.js, injected on demand: Readability, DOMPurify, the extraction;
//   QINGDU_ENTRY=page-export → dist/page-export.js, injected for an export only: the formats (Turndown, docx).
import { resolve } from 'node:path';
import { BUILD_MODE, EXTENSION_OUT_DIR } from './tools/build-mode';
import { escapeUnsafeCharacters } from './tools/vite-plugins';
import { defineConfig } from 'vite';

const root = import.meta.dirname;
const entry = process.env.QINGDU_ENTRY;
const NAMES = { detector: 'qingduDetector', 'page-bundle': 'qingduPageBundle', 'page-export': 'qingduPageExport' } as const;
if (!entry || !Object.hasOwn(NAMES, entry)) throw new Error(`set QINGDU_ENTRY to one of ${Object.keys(NAMES).join(', ')}`);

export default defineConfig({
  mode: BUILD_MODE,
  publicDir: false,
  plugins: [escapeUnsafeCharacters()],
  define: { 'process.env.NODE_ENV': '"production"' },
  build: {
    outDir: resolve(root, EXTENSION_OUT_DIR),
    emptyOutDir: false,
    target: ['chrome121', 'firefox140'],
    minify: true,
    sourcemap: false,
    rollupOptions: {
      // The page bundles end on the result of the call waiting for them (page-api.ts: runPendingCall): the value of
      // the injected script, which executeScript hands back.
      output: entry === 'detector' ? {} : { footer: `${NAMES[entry as keyof typeof NAMES]}.pending;` },
    },
    lib: {
      entry: resolve(root, `src/content/${entry}.ts`),
      formats: ['iife'],
      name: NAMES[entry as keyof typeof NAMES],
      fileName: () => `${entry}.js`,
    },
  },
});
