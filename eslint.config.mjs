// Lint: TypeScript rules plus Nx module boundaries. Tags (project.json) say
// what may import what: libraries never import packages; packages never import
// each other; tools may use libraries.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

function moduleBoundaries({ trainerTestsMayUseTools }) {
  const trainerDeps = trainerTestsMayUseTools ? ['type:lib', 'type:tool'] : ['type:lib'];
  return [
    'error',
    {
      allow: [],
      depConstraints: [
        { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
        { sourceTag: 'type:trainer', onlyDependOnLibsWithTags: trainerDeps },
        { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:lib'] },
      ],
    },
  ];
}

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', 'models/**', 'data/**', '.nx/**', 'tmp/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ trainerTestsMayUseTools: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests may use the workspace tools (the transaction generator is the only
    // labelled transaction data there is); production code never does.
    files: ['**/*.spec.ts', '**/*.fixture.ts', '**/e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ trainerTestsMayUseTools: true }),
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
