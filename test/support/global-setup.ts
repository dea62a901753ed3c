/**
 * Integration globalSetup: build the functions, start one local cloud on a free port with a fresh
 * data dir (dev entry on, strict transactions), seed the demo community through the real SDK, apply
 * the data migrations (as deploy does; a fresh seed leaves them nothing to change), and tell the
 * workers where it is (a JSON file named in process.env, read by sdk-env.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../localcloud'
import { buildFunctions, ROOT } from '../../scripts/build-functions'
import { describeMigrations, migrate } from '../../scripts/migrations'
import { sdkFor, seed } from '../../scripts/seed'
import { CLOUD_FILE_ENV, defaultCloudFile, TEST_ADMIN_INVITE, TEST_ADMIN_OPENIDS, type TestCloudInfo } from './cloud-file'

declare global {
  var __LINLI_CLOUD__: { cloud: LocalCloud; file: string; dataDir: string; functionsDir: string } | undefined
}

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now()
  // A private build inside the repo (so `wx-server-sdk` resolves from node_modules): engineers running
  // tests at the same time rebuild build/functions, and a half-written bundle must not reach this run.
  const functionsDir = path.join(ROOT, 'build', `test-functions-${process.pid}`)
  fs.rmSync(functionsDir, { recursive: true, force: true })
  const built = await buildFunctions(undefined, functionsDir)
  const t1 = Date.now()
  // The functions run in this process: their configuration (admin bootstrap) comes from here.
  process.env.LINLI_ADMIN_INVITE = TEST_ADMIN_INVITE
  process.env.LINLI_ADMIN_OPENIDS = TEST_ADMIN_OPENIDS.join(',')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-it-'))
  const logDir = path.join(ROOT, 'test-artifacts')
  fs.mkdirSync(logDir, { recursive: true })
  const logFile = path.join(logDir, 'localcloud-integration.log')
  fs.writeFileSync(logFile, '')
  const cloud = await startLocalCloud({
    port: 0,
    dataDir,
    functionsDir,
    watchFunctions: false,
    devEntry: true,
    strict: true,
    log: (line) => fs.appendFileSync(logFile, line + '\n'),
  })
  const seeded = await seed(cloud)
  const migrated = await migrate(sdkFor(cloud).database({ throwOnNotFound: false }))
  const info: TestCloudInfo = { url: cloud.url, sdkEnv: cloud.sdkEnv, dataDir, functionsDir, adminInvite: TEST_ADMIN_INVITE, adminOpenids: TEST_ADMIN_OPENIDS }
  const file = defaultCloudFile()
  fs.writeFileSync(file, JSON.stringify(info))
  process.env[CLOUD_FILE_ENV] = file
  globalThis.__LINLI_CLOUD__ = { cloud, file, dataDir, functionsDir }
  console.log(
    `\nlocal cloud ${cloud.url}: ${built.length} functions built in ${t1 - t0} ms, started + seeded ${seeded.users} people in ${Date.now() - t1} ms (log: ${path.relative(ROOT, logFile)})\n${describeMigrations(migrated)}`,
  )
}
