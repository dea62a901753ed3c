/**
 * Seed the demo community (幸福里社区) through the real wx-server-sdk. Idempotent: every document
 * has a fixed id and fixed content, written with set(), so seeding twice gives the same data.
 *
 *   import { seed } from './seed'; await seed(cloud)          // a started LocalCloud (or { sdkEnv })
 *   npm run seed -- --url http://127.0.0.1:PORT             // against a running `npm run cloud`
 *   LINLI_CLOUD_URL=http://127.0.0.1:PORT npm run seed
 *   npm run seed                                            // `npm run cloud` on its default port 9900
 */
import { sdkEnvFor } from '../localcloud'
import { demoSeedDocs, type SeedDocs } from '../core/demo/seed-docs'

export interface SeedTarget {
  sdkEnv: Record<string, string>
}

export interface SeedReport {
  grids: number
  buildings: number
  users: number
  ms: number
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

export async function seed(target?: SeedTarget, docs: SeedDocs = demoSeedDocs()): Promise<SeedReport> {
  const started = Date.now()
  const db = sdkFor(target).database()
  const put = (collection: string, { _id, ...data }: { _id: string }) => db.collection(collection).doc(_id).set({ data })
  await put('community', docs.community)
  await Promise.all([...docs.grids.map((g) => put('grids', g)), ...docs.buildings.map((b) => put('buildings', b))])
  await Promise.all(docs.users.map((u) => put('users', u)))
  return { grids: docs.grids.length, buildings: docs.buildings.length, users: docs.users.length, ms: Date.now() - started }
}

/** --url, else LINLI_CLOUD_URL, else the SDK env already exported (from `npm run cloud`), else the CLI's default port. */
function urlFromArgs(argv: string[]): string | undefined {
  const i = argv.indexOf('--url')
  if (i >= 0) return argv[i + 1]
  if (process.env.LINLI_CLOUD_URL) return process.env.LINLI_CLOUD_URL
  return process.env.TCB_CONTEXT_CNFG ? undefined : 'http://127.0.0.1:9900'
}

if (require.main === module) {
  const url = urlFromArgs(process.argv.slice(2))
  // An explicit target wins over an SDK environment inherited from a parent (nothing required the SDK yet).
  if (url) delete process.env.TCB_CONTEXT_CNFG
  seed(url ? { sdkEnv: sdkEnvFor(url.replace(/\/$/, ''), process.env.TCB_ENV ?? 'local') } : undefined)
    .then((r) => console.log(`seeded 幸福里社区: ${r.grids} grids, ${r.buildings} buildings, ${r.users} people in ${r.ms} ms`))
    .catch((err) => {
      console.error(`seed failed: ${err?.message ?? err}`)
      process.exit(1)
    })
}
