/** One jest run over every workspace: TypeScript is compiled by SWC, workspace packages resolve to their sources. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose|oidc-provider|otplib|@otplib|@scure|@noble)/)'],
  moduleNameMapper: { '^@madoguchi/(shared|presets)$': '<rootDir>/$1/src/index.ts' },
  testTimeout: 30000,
};
