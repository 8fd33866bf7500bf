/**
 * Jest over every workspace, split into projects so a developer can run the
 * fast ones alone (`npm run test:fast`: unit, client and contract, seconds)
 * and CI runs them all. TypeScript is compiled by SWC; workspace packages
 * resolve to their sources.
 */
const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose|oidc-provider|otplib|@otplib|@scure|@noble)/)'],
  moduleNameMapper: {
    '^@madoguchi/(shared|presets)$': '<rootDir>/$1/src/index.ts',
    '^@madoguchi/shared/contract$': '<rootDir>/shared/src/api/contract/index.ts',
    '^@madoguchi/shared/calc-runtime$': '<rootDir>/shared/src/calc/runtime.ts',
  },
};

/** One project per folder of tests/; the bench's quick run is its own project (npm run test:bench). */
const project = (name, match) => ({ ...common, displayName: name, rootDir: __dirname, testMatch: match });

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  globalTeardown: '<rootDir>/tests/globalTeardown.js',
  projects: [
    project('unit', ['<rootDir>/tests/unit/**/*.test.ts']),
    project('client', ['<rootDir>/tests/client/**/*.test.ts']),
    project('contract', ['<rootDir>/tests/contract/**/*.test.ts']),
    project('integration', ['<rootDir>/tests/integration/**/*.test.ts', '!**/benchQuick.test.ts']),
    project('e2e', ['<rootDir>/tests/e2e/**/*.test.ts']),
    project('bench', ['<rootDir>/tests/integration/benchQuick.test.ts']),
  ],
};
