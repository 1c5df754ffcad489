/** Jest runs TypeScript through swc (TypeScript 7 has no JS compiler API for ts-jest). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The consumer apps run from test/consumer/run.mjs against the packed tarball, never from this jest.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/consumer/'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    // jose 6 ships ESM only and jest on Node 20 cannot require() ESM: compile it to CommonJS too.
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  snapshotSerializers: ['<rootDir>/test/support/asset-hash-serializer.ts'],
  // aws-cdk-lib's built-in template validation costs seconds per test file and asserts nothing here.
  setupFiles: ['<rootDir>/test/support/skip-cdk-validation.ts'],
  globalSetup: '<rootDir>/test/support/scratch-tmpdir.js',
  globalTeardown: '<rootDir>/test/support/scratch-tmp-teardown.js',
  testTimeout: 30000,
};
