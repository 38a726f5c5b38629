import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The engine runs in a worker and in Node: it must not depend on the UI layers.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/state/**', '**/state', '**/map/**', '**/map', '**/ui/**', '**/ui', '**/worker/**', '**/worker'],
            message: 'src/core ne doit pas importer state/, map/, ui/ ni worker/.' },
          { group: ['react', 'react-dom', 'react/*', 'maplibre-gl', 'maplibre-gl/*', 'zustand', 'zustand/*'],
            message: 'src/core reste pur : ni React, ni MapLibre, ni zustand.' },
        ],
      }],
    },
  },
);
