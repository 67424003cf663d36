// Lint rules are `error` or `off`, never `warn`.
// The layer rule: imports only point downhill,
// arabic <- domain <- storage/search <- services <- web/importers/cli,
// with lib (and config, which reads only lib) beneath them all. It has no
// exceptions: static imports, type imports, re-exports and `import()` alike.
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
  importers: ['storage', 'search', 'web', 'cli'],
  web: ['storage', 'search', 'cli', 'importers'],
  i18n: ['storage', 'search', 'services', 'web', 'importers', 'cli'],
  lib: ['arabic', 'domain', 'storage', 'search', 'services', 'web', 'importers', 'cli', 'config'],
  config: ['arabic', 'domain', 'storage', 'search', 'services', 'web', 'importers', 'cli', 'i18n'],
};

const downhill = (layer, name) =>
  `src/${layer} must not import from src/${name}: imports only point downhill.`;

/**
 * A path naming layer `name` as one of its segments (`../../storage/x.js`),
 * for esquery, whose regular expressions cannot hold a `/`.
 */
const pathInto = (name) => `/(^|\\x2F)${name}(\\x2F|$)/`;

const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    // `import … from`, `import type`, and `export … from`.
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((name) => ({
          group: [`**/${name}/*`, `../${name}`, `../../${name}`],
          message: downhill(layer, name),
        })),
      },
    ],
    // What no-restricted-imports does not see: `import('…')`, also as a template.
    // (`import('…')` types are refused everywhere by consistent-type-imports.)
    'no-restricted-syntax': [
      'error',
      ...banned.flatMap((name) => [
        {
          selector: `ImportExpression[source.value=${pathInto(name)}]`,
          message: downhill(layer, name),
        },
        {
          selector: `ImportExpression > TemplateLiteral.source > TemplateElement[value.raw=${pathInto(name)}]`,
          message: downhill(layer, name),
        },
      ]),
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
