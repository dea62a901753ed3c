import fs from 'node:fs'

export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__LINLI_CLOUD__
  if (!running) return
  globalThis.__LINLI_CLOUD__ = undefined
  await running.cloud.stop()
  fs.rmSync(running.file, { force: true })
  fs.rmSync(running.dataDir, { recursive: true, force: true })
  fs.rmSync(running.functionsDir, { recursive: true, force: true })
}
