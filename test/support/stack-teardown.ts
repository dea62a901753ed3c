import fs from 'node:fs'
import type { Stack } from '../../scripts/lib/start-stack'

/** What a jest globalSetup started (a stack on a temp data dir with its own functions build), stopped and removed. */
export interface StartedStack {
  stack: Stack
  dataDir: string
  functionsDir: string
}

export async function stopStarted(s: StartedStack | undefined): Promise<void> {
  if (!s) return
  await s.stack.stop()
  fs.rmSync(s.dataDir, { recursive: true, force: true })
  fs.rmSync(s.functionsDir, { recursive: true, force: true })
}
