import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'

// Import boundaries between layers, as in ARCHITECTURE.md.
const boundaries = [
  {
    target: './machines',
    from: ['./db', './src', './test', './bench'],
    message: 'machines/ imports only xstate, zod and siblings.',
  },
  {
    target: './db',
    from: ['./machines', './src'],
    message: 'db/ never imports machines/ or src/.',
  },
  { target: './src/http', from: ['./db'], message: 'src/http never imports db/ directly.' },
  { target: './src/ui', from: ['./db'], message: 'src/ui never imports db/ directly.' },
  {
    target: './src/access',
    from: ['./src/http', './src/ui', './machines'],
    message: 'src/access imports db/ only.',
  },
]

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'dist/**', 'test-output/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaries }],
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
  {
    files: ['machines/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*'], message: 'machines/ stays pure: no node:*.' }] },
      ],
    },
  },
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
