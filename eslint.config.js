// ESLint for src/: typescript-eslint's recommended rules, and Mozilla's no-unsanitized rules, which flag
// any write of markup into the DOM (innerHTML, outerHTML, insertAdjacentHTML, document.write,
// createContextualFragment…) that is not a literal. Page-derived HTML reaches the DOM only through the core's
// one sanitizer (src/core/sanitize.ts), as nodes: a finding here is a hole, not a style matter.
import js from '@eslint/js';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**'] },
  {
    files: ['src/**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
