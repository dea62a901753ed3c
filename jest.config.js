/**
 * One jest run, four projects:
 * - unit: pure logic beside the code (core/, localcloud/, server/, src/ — *.test.ts[x])
 * - integration: real wx-server-sdk against a local cloud started by globalSetup (test/integration/)
 * - weapp: the mini-program build (dist/) in a mini-program test host (test/weapp/, docs/weapp-testing.md)
 * - e2e: playwright-core + /usr/bin/chromium against the H5 build (test/e2e/)
 * - a11y: the accessibility walk over every page (test/e2e/a11y*.test.ts, one file per text size), on its own: it keeps
 *   both cores busy for a minute and a half, which slows the journeys' browsers beside it
 * `JEST_PROJECTS=unit,integration npx jest` picks a subset; the default is all but a11y, which
 * `npm test` runs after them (scripts/test-all.sh).
 */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }],
}
const moduleNameMapper = { '^@/(.*)$': '<rootDir>/src/$1', '^@core/(.*)$': '<rootDir>/core/$1' }
// Built function folders (each with a package.json named after the function) would collide in jest's module map.
const modulePathIgnorePatterns = ['<rootDir>/build/', '<rootDir>/dist/', '<rootDir>/dist-h5/', '<rootDir>/.data/', '<rootDir>/.tmp/']
const common = { rootDir: __dirname, transform, moduleNameMapper, modulePathIgnorePatterns, testEnvironment: 'node' }
const all = {
  unit: { ...common, displayName: 'unit', testMatch: ['<rootDir>/{core,localcloud,server,scripts,config}/**/*.test.ts', '<rootDir>/test/unit/**/*.test.ts?(x)', '<rootDir>/src/**/*.test.ts?(x)'] },
  integration: {
    ...common,
    displayName: 'integration',
    testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    globalSetup: '<rootDir>/test/support/global-setup.ts',
    globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    setupFiles: ['<rootDir>/test/support/sdk-env.ts'],
    slowTestThreshold: 30,
  },
  weapp: {
    ...common,
    displayName: 'weapp',
    testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
    setupFiles: ['<rootDir>/test/weapp/support/dom-globals.ts'],
    testEnvironmentOptions: { globalsCleanup: 'off' },
    globalSetup: '<rootDir>/test/weapp/support/global-setup.ts',
    globalTeardown: '<rootDir>/test/weapp/support/global-teardown.ts',
  },
  e2e: {
    ...common,
    displayName: 'e2e',
    testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    testPathIgnorePatterns: ['/node_modules/', '/test/e2e/a11y[^/]*\\.test\\.ts$'],
    globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
    globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  },
}
all.a11y = { ...all.e2e, displayName: 'a11y', testMatch: ['<rootDir>/test/e2e/a11y*.test.ts'], testPathIgnorePatterns: ['/node_modules/'] }
const picked = (process.env.JEST_PROJECTS || 'unit,integration,weapp,e2e').split(',').map((s) => all[s.trim()]).filter(Boolean)
module.exports = {
  projects: picked,
  // Run test files in a worker process, never in the one hosting the local cloud. With one worker
  // (2 cores) jest would run them in its own process ("in band"), and each test file leaves an
  // AsyncLocalStorage of jest-circus enabled there: every promise the cloud makes later pays for all
  // of them (`npm run bench -- async-storage`). A worker using more than this when idle is
  // replaced, which also clears its own.
  workerIdleMemoryLimit: '1GB',
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
}
