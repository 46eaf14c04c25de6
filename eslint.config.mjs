// Lint rules for the whole workspace. Module boundaries are an error: see DEVELOPMENT.md (Layout).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const frameworkPackages = [
  '@nestjs/*',
  'typeorm',
  'pg',
  '@electric-sql/*',
  'react',
  'react-dom',
  'react-router',
  'survey-core',
  'survey-react-ui',
  'chart.js',
  'express',
];

/** Who may import whom (DEVELOPMENT.md, "Dependency direction"). */
function moduleBoundaries(allow) {
  return {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      {
        sourceTag: 'scope:shared',
        onlyDependOnLibsWithTags: ['scope:shared'],
        bannedExternalImports: frameworkPackages,
      },
      { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
      {
        sourceTag: 'scope:e2e',
        onlyDependOnLibsWithTags: ['scope:api', 'scope:web', 'scope:shared'],
      },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
      { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:contracts'],
      },
      {
        sourceTag: 'type:e2e',
        onlyDependOnLibsWithTags: ['type:domain', 'type:data', 'type:contracts', 'type:app'],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.nx/**',
      '**/.data/**',
      '**/*.cjs',
      '**/*.mjs',
      'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries([])],
    },
  },
  {
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Loaders and actions end a page by throwing react-router's responses (apps/web/README.md).
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'lib', name: 'Response' },
            { from: 'package', package: 'react-router', name: 'DataWithResponseInit' },
          ],
        },
      ],
    },
  },
  {
    // Black-box tests and benchmarks boot the api from its source, so they may reach into it.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries([
          '../../apps/api/src/**',
          '../../../apps/api/src/**',
          '../../test/support/**',
        ]),
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
