// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e/**', 'lib/**', 'node_modules/**', 'web-ext-artifacts/**', '.ci-out/**', 'coverage/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  nounsanitized.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The extraction and format modules are pure: no extension APIs.
    files: ['src/extract/**/*.ts', 'src/format/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['webextension-polyfill'], patterns: ['**/platform/**'] }],
      'no-restricted-globals': ['error', 'chrome', 'browser'],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
