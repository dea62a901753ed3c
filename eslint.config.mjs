import tseslint from 'typescript-eslint'
import { boundaries } from './config/eslint/boundaries.mjs'

// `import { z } from 'zod'` pulls all of zod into every esbuild function bundle (750+ KB instead of
// ~200 KB): the namespace import `import * as z from 'zod'` tree-shakes. Type-only imports are fine.
const zodNamespaceOnly = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z'][importKind!='type']",
      message: "Use `import * as z from 'zod'` (the named `z` import defeats tree-shaking: function bundles grow ~4x).",
    },
  ],
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-h5/**', 'build/**', '.data/**', 'coverage/**', 'test-artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-console': 'off',
      ...zodNamespaceOnly,
    },
  },
  {
    plugins: { boundaries },
    rules: { 'boundaries/imports': 'error' },
  },
  {
    // The app ships no zod (the server validates): contracts and schemas are imported with `import type`.
    // scripts/size-report.ts --check also fails if zod reaches the weapp main package.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', allowTypeImports: true, message: 'The app must not bundle zod: use `import type`.' }] },
      ],
    },
  },
)
