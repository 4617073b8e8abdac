import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'e2e/screenshots/**', 'config/stubs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, API_BASE_URL: 'readonly', defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The app may import only types from contract modules that use TypeBox: its runtime would bloat the mini-program.
      'no-restricted-imports': ['error', { paths: [{ name: '@sinclair/typebox', message: 'TypeBox belongs to the server; import contract types with `import type`.' }] }],
      // NOTE: Taro H5 renders disabled={false} as disabled="false", which CSS and axe treat as disabled
      // (a greyed, low-contrast button that still works): pass `x || undefined`.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "JSXOpeningElement[name.name='Button'] > JSXAttribute[name.name=/^(disabled|loading)$/] > JSXExpressionContainer > :not(LogicalExpression[operator='||'][right.name='undefined'], Literal)",
          message: 'Taro H5 draws disabled={false} as disabled: write `disabled={x || undefined}`.',
        },
      ],
    },
  },
  {
    files: ['src/contract/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Migrations are frozen in time and must not depend on today's table types.
    files: ['server/src/db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.js', 'scripts/**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/__tests__/**', 'e2e/**'],
    languageOptions: { globals: { ...globals.jest, ...globals.browser } },
  },
)
