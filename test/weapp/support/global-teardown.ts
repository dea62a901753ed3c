import fs from 'node:fs'

export default async function globalTeardown(): Promise<void> {
  const s = globalThis.__WEAPP_STACK__
  if (!s) return
  globalThis.__WEAPP_STACK__ = undefined
  await s.stack.stop()
  fs.rmSync(s.dataDir, { recursive: true, force: true })
  fs.rmSync(s.functionsDir, { recursive: true, force: true })
}
