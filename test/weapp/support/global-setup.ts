import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { StartedStack } from '../../support/stack-teardown'
import { startStack } from '../../../scripts/lib/start-stack'
import { buildFunctions, ROOT } from '../../../scripts/build-functions'

declare global {
  var __WEAPP_STACK__: StartedStack | undefined
}

/**
 * Once per weapp run: a local cloud on a free port with the demo community played through the
 * functions (events, gifts, orders in every state, points), for the mini-program build in dist/
 * that `npm test` made just before. Test files read its URL from WEAPP_CLOUD_URL.
 */
export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'app.json'))) throw new Error('no weapp build in dist/: run npm run build:weapp first')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-weapp-'))
  const functionsDir = path.join(ROOT, 'build', `weapp-functions-${process.pid}`)
  fs.rmSync(functionsDir, { recursive: true, force: true })
  await buildFunctions(undefined, functionsDir)
  const stack = await startStack({ appPort: 0, cloudPort: 0, dataDir, functionsDir, buildFunctions: false, buildH5: 'never', demo: true, log: (l) => /error|fail/i.test(l) && process.stderr.write(l + '\n') })
  globalThis.__WEAPP_STACK__ = { stack, dataDir, functionsDir }
  process.env.WEAPP_CLOUD_URL = stack.cloud.url
}
