import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { StartedStack } from '../../support/stack-teardown'
import { startStack } from '../../../scripts/lib/start-stack'
import { buildFunctions, ROOT } from '../../../scripts/build-functions'

declare global {
  var __E2E_STACK__: StartedStack | undefined
}

/**
 * Once per e2e run: the whole stack on free ports with a fresh, seeded database, serving the H5
 * build that `npm test` made just before (built here if dist-h5 is missing). Test files read the
 * app's URL from E2E_APP_URL (workers inherit this process's env).
 * The stack runs in UTC, as cloud functions do, whatever this machine's zone; the browser is set to
 * Asia/Shanghai (support/browser.ts): every time must still read as China time.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC'
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-e2e-'))
  // A private functions build (inside the repo so wx-server-sdk resolves): others may be rebuilding
  // build/functions at the same moment.
  const functionsDir = path.join(ROOT, 'build', `e2e-functions-${process.pid}`)
  fs.rmSync(functionsDir, { recursive: true, force: true })
  await buildFunctions(undefined, functionsDir)
  const quiet = (l: string) => {
    if (process.env.E2E_VERBOSE || /error|fail/i.test(l)) process.stderr.write(l + '\n')
  }
  const stack = await startStack({
    appPort: 0,
    cloudPort: 0,
    dataDir,
    functionsDir,
    buildFunctions: false,
    buildH5: 'if-missing',
    log: quiet,
  })
  globalThis.__E2E_STACK__ = { stack, dataDir, functionsDir }
  process.env.E2E_APP_URL = stack.appUrl
  process.env.E2E_CLOUD_URL = stack.cloud.url
  // for a test that must move time (an event's day arriving): the real SDK, pointed at this cloud
  process.env.E2E_SDK_ENV = JSON.stringify(stack.cloud.sdkEnv)
  // for a test that needs a stack of its own (the demo played: china-time.test.ts)
  process.env.E2E_FUNCTIONS_DIR = functionsDir
}
