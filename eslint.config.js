import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from './eslint/boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Only src/platform/config.ts reads process.env.' },
      ],
    },
  },
  { files: ['src/**/*.ts', 'src/**/*.tsx'], plugins: { boundaries }, rules: { 'boundaries/imports': 'error' } },
  { files: ['src/platform/config.ts', 'scripts/**', 'bench/**', 'e2e/**', 'test/**'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['src/modules/*/domain/**', 'src/kernel/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fastify*', '@fastify/*', 'kysely', 'pg', 'better-sqlite3'] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Time is an argument in the domain.' }],
    },
  },
  { files: ['scripts/**/*.mjs', '*.js'], languageOptions: { globals: { ...globals.node } } },
  { files: ['src/platform/assets/**/*.js'], languageOptions: { globals: { ...globals.browser }, sourceType: 'script' } },
);
