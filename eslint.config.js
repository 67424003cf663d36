// Lint rules are `error` or `off`, never `warn`.
// The layer rule: imports only point downhill,
// arabic <- domain <- storage <- search <- services <- web/importers/cli,
// with i18n <- lib (and config, which reads only lib) beneath them all. It has
// no exceptions: static imports, type imports, re-exports and `import()` alike,
// and a path the rule cannot read (a computed `import()`, a `require` made by
// createRequire) is refused everywhere in src.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers that a folder under src/ must not import from. */
const forbidden = {
  arabic: ['domain', 'storage', 'search', 'services', 'web', 'importers', 'cli', 'config'],
  domain: ['storage', 'search', 'services', 'web', 'importers', 'cli', 'config'],
  storage: ['search', 'services', 'web', 'importers', 'cli'],
  search: ['services', 'web', 'importers', 'cli'],
  services: ['web', 'importers', 'cli'],
  importers: ['storage', 'search', 'web', 'cli'],
  web: ['storage', 'search', 'cli', 'importers'],
  // Views are given what they show, as domain types: they call no service.
  'web/views': ['storage', 'search', 'services', 'cli', 'importers'],
  'web/admin/views': ['storage', 'search', 'services', 'cli', 'importers'],
  i18n: [
    'lib',
    'arabic',
    'domain',
    'storage',
    'search',
    'services',
    'web',
    'importers',
    'cli',
    'config',
  ],
  lib: ['arabic', 'domain', 'storage', 'search', 'services', 'web', 'importers', 'cli', 'config'],
  config: ['arabic', 'domain', 'storage', 'search', 'services', 'web', 'importers', 'cli', 'i18n'],
};

const downhill = (layer, name) =>
  layer.endsWith('views') && name === 'services'
    ? `src/${layer} must not import from src/${name}: a view is given domain types by its route.`
    : `src/${layer} must not import from src/${name}: imports only point downhill.`;

/**
 * A path naming layer `name` as one of its segments (`../../storage/x.js`),
 * for esquery, whose regular expressions cannot hold a `/`.
 */
const pathInto = (name) => `/(^|\\x2F)${name}(\\x2F|$)/`;

/** What no layer may do: load code by a path that the layer rule cannot read. */
const unreadablePaths = [
  {
    selector:
      "ImportExpression:not([source.type='Literal']):not([source.type='TemplateLiteral'][source.expressions.length=0])",
    message: 'import() takes a literal path in src, so that the layer rule can read it.',
  },
  {
    selector:
      "CallExpression[callee.name='createRequire']:not(MemberExpression[property.name='resolve'] > CallExpression.object)",
    message:
      'createRequire may only resolve a path in src (createRequire(…).resolve), never load code.',
  },
];

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
      ...unreadablePaths,
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
  // Layers without their own list (cli) still may not hide a path; the
  // layers' lists below repeat these, as a later list replaces an earlier one.
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...unreadablePaths] },
  },
  ...layerRules,
);
