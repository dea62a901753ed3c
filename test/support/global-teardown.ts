import fs from 'node:fs'
import path from 'node:path'

const LOG = path.resolve(__dirname, '../../test-artifacts/localcloud-integration.log')

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__LINLI_CLOUD__
  if (!running) return
  globalThis.__LINLI_CLOUD__ = undefined
  await running.cloud.stop()
  fs.rmSync(running.file, { force: true })
  fs.rmSync(running.dataDir, { recursive: true, force: true })
  fs.rmSync(running.functionsDir, { recursive: true, force: true })
  // every outcome an action returned in the whole run must be declared in its contract (server/runtime.ts logs the rest)
  const undeclared = [...new Set((fs.existsSync(LOG) ? fs.readFileSync(LOG, 'utf8') : '').match(/undeclared outcome \S+ from \S+/g) ?? [])]
  if (undeclared.length) throw new Error(`actions returned outcomes their contracts do not declare:\n${undeclared.sort().join('\n')}`)
}
