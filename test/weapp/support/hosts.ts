import { WeappHost } from './host'

/**
 * One host per person in a test: `const open = useHosts()`, then `await open(openid)`. After each
 * test every host is closed and must have run clean (no errors, no stray wx calls).
 */
export function useHosts(): (openid: string) => Promise<WeappHost> {
  const hosts: WeappHost[] = []
  afterEach(() => {
    for (const h of hosts.splice(0)) {
      h.close()
      h.assertClean()
    }
  })
  return async (openid) => {
    const h = await WeappHost.start({ cloudUrl: process.env.WEAPP_CLOUD_URL!, openid })
    hosts.push(h)
    return h
  }
}
