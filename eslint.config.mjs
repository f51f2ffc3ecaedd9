// Lint: typescript-eslint with type information, so floating promises and unsafe `any` are caught at the boundaries.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.esbuild/**',
      '.serverless/**',
      '.local/**',
      'coverage/**',
      'dist/**',
      'miniapp/dist/**',
      'infra/*.cjs',
      'test/*.cjs',
      '*.mjs',
      '*.cjs',
      'miniapp/babel.config.js',
      'miniapp/scripts/*.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    // The mini-program's React: hooks are called in the same order on every render, and an effect or a memo lists
    // what it reads, so it never runs on stale props or state.
    files: ['miniapp/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Logs go through functions/src/log/logger.ts; scripts and tests talk to a person on a terminal; the weapp host
    // listens on the console, where WeChat's WXML runtime writes its warnings.
    files: ['functions/src/log/**', 'scripts/**', 'test/**', 'miniapp/test/weapp/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/test/**', 'test/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // jest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
