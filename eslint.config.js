// ESLint over the TypeScript (flat config, typescript-eslint's recommended rules without type
// information: type errors are tsc's job, and a type-aware lint doubles CI time on two cores).
// Run by `npm run -s lint` in .ci/run.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.cache/', 'coverage/', '**/*.snap'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', structuredClone: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', fetch: 'readonly', globalThis: 'readonly' } },
    rules: {
      // `_name` marks a value left unused on purpose (a destructured field dropped, a callback's slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Type-only imports are enforced by tsc (verbatimModuleSyntax); keep them explicit here too.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Decoding and sanitising text match control characters on purpose (decodeText, nameMentions).
      'no-control-regex': 'off',
      // Hot loops use comma sequences (`cond && (a = x, b.push(y))`) as the house style.
      '@typescript-eslint/no-unused-expressions': 'off',
      // `let x: T = default` before branches that all assign is a deliberate default; tsc's definite
      // assignment analysis catches the opposite mistake.
      'no-useless-assignment': 'off',
    },
  },
  {
    // Tests read raw gateway and REST JSON, where `any` says "whatever Discord sent" honestly.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
