import js from '@eslint/js'
import tseslint from 'typescript-eslint'

// Import boundaries between layers, as in ARCHITECTURE.md: per folder, what it may never import.
const boundaries = [
  {
    files: ['machines/**/*.ts'],
    patterns: [
      { group: ['node:*'], message: 'machines/ stays pure: no node:*.' },
      {
        group: ['**/db/**', '**/src/**'],
        message: 'machines/ imports only xstate, zod and siblings.',
      },
    ],
  },
  {
    files: ['db/**/*.ts'],
    patterns: [
      { group: ['**/machines/**', '**/src/**'], message: 'db/ never imports machines/ or src/.' },
      { group: ['hono', 'hono/*', 'xstate'], message: 'db/ knows nothing of HTTP or machines.' },
    ],
  },
  {
    files: ['src/http/**/*.ts', 'src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    patterns: [
      {
        group: ['**/db/**', 'kysely'],
        message: 'src/http and src/ui never touch the database directly.',
      },
    ],
  },
  {
    files: ['src/access/**/*.ts'],
    patterns: [
      {
        group: ['**/http/**', '**/ui/**', '**/machines/**'],
        message: 'src/access imports db/ only.',
      },
    ],
  },
].map(({ files, patterns }) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}))

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'test-output/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration in src/config.ts only.',
        },
      ],
    },
  },
  ...boundaries,
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: [
      'src/config.ts',
      'test/**',
      'bench/**',
      'bin/**',
      'vitest.config.ts',
      'db/migrations/**',
    ],
    rules: { 'no-restricted-syntax': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
)
