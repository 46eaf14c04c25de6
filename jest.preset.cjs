// Shared Jest settings: @swc/jest for speed (type checking is the typecheck target's job),
// decorator metadata on for NestJS, path aliases from tsconfig.base.json, tests in UTC.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias}$`] = path.join(__dirname, target);
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic' },
          },
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // pg-boss and two of its dependencies ship only ES modules, which Jest cannot require on Node 20
  // (Node itself can): swc compiles them to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!(pg-boss|serialize-error|non-error)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['**/*.spec.ts'],
};
