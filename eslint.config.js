// Lint rules are `error` or `off`, never `warn`.
// The layer rule: imports only point downhill,
// arabic <- domain <- storage/search <- services <- web/importers/cli.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers that a folder under src/ must not import from. */
const forbidden = {
  arabic: ['domain', 'storage', 'search', 'services', 'web', 'importers', 'cli', 'config'],
  domain: ['storage', 'search', 'services', 'web', 'importers', 'cli', 'config'],
  storage: ['services', 'web', 'importers', 'cli'],
  search: ['services', 'web', 'importers', 'cli'],
  services: ['web', 'importers', 'cli'],
  importers: ['web', 'cli'],
  web: ['cli', 'importers'],
  i18n: ['storage', 'search', 'services', 'web', 'importers', 'cli'],
  lib: ['arabic', 'domain', 'storage', 'search', 'services', 'web', 'importers', 'cli'],
};

const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((name) => ({
          group: [`**/${name}/*`, `../${name}`, `../../${name}`],
          message: `src/${layer} must not import from src/${name}: imports only point downhill.`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['public/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  ...layerRules,
);
