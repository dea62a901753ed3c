import { stopStarted } from '../../support/stack-teardown'

export default async function globalTeardown(): Promise<void> {
  const s = globalThis.__WEAPP_STACK__
  globalThis.__WEAPP_STACK__ = undefined
  await stopStarted(s)
}
