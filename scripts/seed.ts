/**
 * Seed the demo street (幸福街道: 幸福里、和平、春晖社区) through the real wx-server-sdk. Idempotent: every document
 * has a fixed id and fixed content, written with set(), so seeding twice gives the same data.
 *
 *   import { seed } from './seed'; await seed(cloud)          // a started LocalCloud (or { sdkEnv })
 *   await seed(cloud, { demo: true })                       // + the lively part (core/demo/activity.ts)
 *   npm run seed -- --url http://127.0.0.1:PORT [--demo]    // against a running `npm run cloud`
 *
 * The lively part (points rules, gifts, events with sign-ups, orders in every state, volunteers'
 * points) is played through the functions on the cloud's dev entry, as the personas would do it,
 * so every rule and ledger transfer applies. It is opt-in (npm start asks for it): the test
 * suites count what they create in the seeded community.
 *   LINLI_CLOUD_URL=http://127.0.0.1:PORT npm run seed
 *   npm run seed                                            // `npm run cloud` on its default port 9900
 */
import { sdkEnvFor } from '../localcloud'
import { COMMUNITY, DISPUTE_MEDIATORS, STREETS } from '../core/collections'
import { demoSeedDocs, type SeedDocs } from '../core/demo/seed-docs'
import { playDemo, type CallAs, type PlayReport } from '../core/demo/play'

export interface SeedTarget {
  sdkEnv: Record<string, string>
  /** The cloud's base URL with the dev entry on; needed for `demo`. */
  url?: string
}

export interface SeedOptions {
  docs?: SeedDocs
  /** Also play the demo activity (events, gifts, orders, points) through the functions. */
  demo?: boolean
  /** Clock for the demo's event dates (default now). */
  now?: number
}

export interface SeedReport {
  grids: number
  buildings: number
  users: number
  ms: number
  demo?: PlayReport & { ms: number }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's typings are loose */
/** The SDK pointed at `target` (its env must be in place before the first require). */
export function sdkFor(target?: SeedTarget): any {
  if (target) {
    const current = process.env.TCB_CONTEXT_CNFG
    if (current && current !== target.sdkEnv.TCB_CONTEXT_CNFG) {
      throw new Error('wx-server-sdk in this process already points at another cloud')
    }
    Object.assign(process.env, target.sdkEnv)
  }
  if (!process.env.TCB_CONTEXT_CNFG) throw new Error('no local cloud: pass --url or set LINLI_CLOUD_URL')
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- after the environment is set
  const sdk = require('wx-server-sdk')
  sdk.init({ env: process.env.TCB_ENV ?? 'local' })
  return sdk
}

export async function seed(target?: SeedTarget, opts: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now()
  const docs = opts.docs ?? demoSeedDocs()
  const db = sdkFor(target).database()
  const put = (collection: string, { _id, ...data }: { _id: string }) => db.collection(collection).doc(_id).set({ data })
  await Promise.all([...docs.streets.map((x) => put(STREETS, x)), ...docs.communities.map((c) => put(COMMUNITY, c))])
  await Promise.all([...docs.grids.map((g) => put('grids', g)), ...docs.buildings.map((b) => put('buildings', b))])
  await Promise.all([...docs.users.map((u) => put('users', u)), ...(docs.mediators ?? []).map((m) => put(DISPUTE_MEDIATORS, m))])
  const report: SeedReport = { grids: docs.grids.length, buildings: docs.buildings.length, users: docs.users.length, ms: Date.now() - started }
  if (opts.demo) {
    if (!target?.url) throw new Error('seed: demo needs the cloud URL (dev entry)')
    const t = Date.now()
    report.demo = { ...(await playDemo(devCaller(target.url), opts.now)), ms: Date.now() - t }
  }
  return { ...report, ms: Date.now() - started }
}

/** Call a function as `openid` through the dev entry (POST /dev/call), expecting success. */
export function devCaller(url: string): CallAs {
  return async (openid, c, input) => {
    const res = await fetch(`${url}/dev/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: c.fn, data: { action: c.action, data: input }, openid }),
    })
    const body = (await res.json()) as { result?: { ok: boolean; data?: unknown; error?: { code: string; message: string } }; errMsg?: string }
    const r = body.result
    if (!r?.ok) throw new Error(`demo seed: ${c.fn}.${c.action} as ${openid} failed: ${r?.error ? `${r.error.code} ${r.error.message}` : body.errMsg}`)
    return r.data as never
  }
}

/** --url, else LINLI_CLOUD_URL, else the SDK env already exported (from `npm run cloud`), else the CLI's default port. */
function urlFromArgs(argv: string[]): string | undefined {
  const i = argv.indexOf('--url')
  if (i >= 0) return argv[i + 1]
  if (process.env.LINLI_CLOUD_URL) return process.env.LINLI_CLOUD_URL
  return process.env.TCB_CONTEXT_CNFG ? undefined : 'http://127.0.0.1:9900'
}

function describeDemo(d: PlayReport & { ms: number }): string {
  if (d.skipped) return 'already there'
  const n = d.neighbours
  const others = `和平、春晖社区: ${n.events} events, ${n.gifts} gifts, ${n.orders} orders (${n.toStreet} sent up to the street, ${n.streetPool} in the street pool)`
  return `${d.events} events (${d.signUps} sign-ups), ${d.gifts} gifts, ${d.orders} orders, ${d.adjustments} point credits: ${d.calls} calls in ${d.ms} ms; ${others}`
}

if (require.main === module) {
  const argv = process.argv.slice(2)
  const url = urlFromArgs(argv)?.replace(/\/$/, '')
  // An explicit target wins over an SDK environment inherited from a parent (nothing required the SDK yet).
  if (url) delete process.env.TCB_CONTEXT_CNFG
  seed(url ? { sdkEnv: sdkEnvFor(url, process.env.TCB_ENV ?? 'local'), url } : undefined, { demo: argv.includes('--demo') })
    .then((r) => {
      console.log(`seeded 幸福街道 (3 communities): ${r.grids} grids, ${r.buildings} buildings, ${r.users} people in ${r.ms} ms`)
      if (r.demo) console.log(`  demo: ${describeDemo(r.demo)}`)
    })
    .catch((err) => {
      console.error(`seed failed: ${err?.message ?? err}`)
      process.exit(1)
    })
}
