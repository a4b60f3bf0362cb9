// The Node package: lib/index.js (the library) and lib/cli.js (the `qingdu` command), plain ESM for Node ≥ 20.
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies),
].map((name) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}(?:/.*)?$`));

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'lib',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: {
      entry: { index: 'src/index.ts', cli: 'src/cli/bin.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: { external, output: { chunkFileNames: 'shared-[hash].js' } },
  },
});
