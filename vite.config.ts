// The extension's pages and background: dist/popup.html, dist/options.html, dist/background.js (an ES module that
// runs as Chrome's service worker and as Firefox's event page); dist-e2e/ in the tests' build (tools/build-mode.ts).
// The content scripts are built by vite.scripts.config.ts; manifest.json, _locales and icons are copied from the top
// of the repo.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { BUILD_MODE, EXTENSION_OUT_DIR } from './tools/build-mode';
import { escapeUnsafeCharacters } from './tools/vite-plugins';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/** Copies manifest.json, _locales/ and icons/*.png into the build as they are. */
function extensionFiles(): Plugin {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  return {
    name: 'qingdu-extension-files',
    generateBundle() {
      const sources = [join(root, 'manifest.json'), ...files(join(root, '_locales')), ...files(join(root, 'icons')).filter((f) => f.endsWith('.png'))];
      for (const path of sources) this.emitFile({ type: 'asset', fileName: relative(root, path), source: readFileSync(path) });
    },
  };
}

export default defineConfig({
  mode: BUILD_MODE,
  root: resolve(root, 'src'),
  base: './',
  publicDir: false,
  plugins: [extensionFiles(), escapeUnsafeCharacters()],
  build: {
    outDir: resolve(root, EXTENSION_OUT_DIR),
    emptyOutDir: true,
    target: ['chrome121', 'firefox140'],
    // The popup's chunks (settings, i18n) are fetched beside popup.js, not after it: each extension-file fetch is a
    // round trip through the browser process, and the popup opens on them. Dynamic imports (the export formats,
    // loaded after the article shows) get no preload.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
    sourcemap: false,
    rollupOptions: {
      input: {
        popup: resolve(root, 'src/popup.html'),
        options: resolve(root, 'src/options.html'),
        background: resolve(root, 'src/background.ts'),
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
