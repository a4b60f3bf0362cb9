// The extension's two builds. The release (`npm run build`, into dist/) is what ships; `QINGDU_MODE=e2e` (into
// dist-e2e/, for the end-to-end tests only) is the same code with the test hooks of src/test-hooks.ts.
export const BUILD_MODE = process.env.QINGDU_MODE === 'e2e' ? 'e2e' : 'production';
export const EXTENSION_OUT_DIR = BUILD_MODE === 'e2e' ? 'dist-e2e' : 'dist';
