import { stopStarted } from '../../support/stack-teardown'

export default async function globalTeardown(): Promise<void> {
  const s = globalThis.__E2E_STACK__
  globalThis.__E2E_STACK__ = undefined
  await stopStarted(s)
}
