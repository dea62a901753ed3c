import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { startLocalCloud, type LocalCloud } from '../../localcloud'
import { PERSONAS } from '../../core/demo/personas'
import { childEnv, npmRun, run } from './run'
import { serveApp, type StaticServer } from './static-server'

const ROOT = path.resolve(__dirname, '../..')

export interface StackOptions {
  /** App server port (0 = any free port). */
  appPort: number
  /** Local cloud port (0 = any free port). */
  cloudPort?: number
  dataDir: string
  /** Built functions to run (default build/functions). */
  functionsDir?: string
  /** Run `npm run build:functions` first (default true; into build/functions). */
  buildFunctions?: boolean
  /** H5 build: always, only when dist-h5 is missing, or never (default if-missing). */
  buildH5?: 'always' | 'if-missing' | 'never'
  /** Apply the data migrations, then seed the demo community when the database has none (default true). */
  seed?: boolean
  /** With the seed, also play the demo activity: events, gifts, orders, points (npm start; default false). */
  demo?: boolean
  /** Local cloud extras for interactive use. */
  watchFunctions?: boolean
  timers?: boolean
  /** Must not write through console.* (see below). */
  log?: (line: string) => void
}

export interface Stack {
  /** Where the H5 app is served. */
  appUrl: string
  cloud: LocalCloud
  /** Milliseconds per start-up step (build:functions, build:h5, cloud, migrate, seed). */
  timings: Record<string, number>
  stop(): Promise<void>
}

export const H5_DIR = path.join(ROOT, 'dist-h5')
export const FUNCTIONS_DIR = path.join(ROOT, 'build', 'functions')

/**
 * Start everything a person (npm start) or a browser test needs: built functions, the H5 build,
 * a local cloud with the demo community, and the app on 127.0.0.1 with `/dev/*` proxied to the cloud.
 */
export async function startStack(o: StackOptions): Promise<Stack> {
  // not console.log: the local cloud captures console output of functions while it loads them, and a
  // log callback that writes through console again recurses
  const log = o.log ?? ((l: string) => void process.stdout.write(l + '\n'))
  const timings: Record<string, number> = {}
  const step = async (name: string, f: () => Promise<unknown>) => {
    const t = Date.now()
    log(`… ${name}`)
    await f()
    timings[name] = Date.now() - t
  }
  const builds: Promise<unknown>[] = []
  if (o.buildFunctions ?? true) builds.push(step('build:functions', () => npmRun('build:functions', { quiet: true })))
  const mode = o.buildH5 ?? 'if-missing'
  if (mode === 'always' || (mode === 'if-missing' && !fs.existsSync(path.join(H5_DIR, 'index.html')))) {
    builds.push(step('build:h5', () => npmRun('build:h5', { quiet: true, env: { NODE_ENV: 'production' } })))
  }
  await Promise.all(builds)

  let cloud: LocalCloud | undefined
  let app: StaticServer | undefined
  try {
    await step('cloud', async () => {
      cloud = await startLocalCloud({
        port: o.cloudPort ?? 0,
        dataDir: o.dataDir,
        functionsDir: o.functionsDir ?? FUNCTIONS_DIR,
        indexesFile: path.join(ROOT, 'database', 'indexes.json'),
        devEntry: true,
        watchFunctions: o.watchFunctions ?? false,
        timers: o.timers ?? false,
        log: (l) => log(`[cloud] ${l}`),
      })
    })
    if (o.seed ?? true) {
      // first: the seed asks the functions whether the demo is there, and they fail on data of an older shape (.data from an older version)
      await step('migrate', () => migrateCloud(cloud!, log))
      await step('seed', () => seedIfEmpty(cloud!, log, o.demo ?? false))
    }
    app = await serveApp({ root: H5_DIR, port: o.appPort, proxyTo: cloud!.url, proxyPrefixes: ['/dev/'] })
  } catch (err) {
    await cloud?.stop()
    throw err
  }
  const started = { app: app!, cloud: cloud! }
  return {
    appUrl: started.app.url,
    cloud: started.cloud,
    timings,
    async stop() {
      await started.app.close()
      await started.cloud.stop()
    },
  }
}

/** Ask the functions, as the demo admin, who they are: no profile means no demo community yet. */
async function seedIfEmpty(cloud: LocalCloud, log: (l: string) => void, demo: boolean): Promise<void> {
  const res = await fetch(`${cloud.url}/dev/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'users', data: { action: 'me', data: {} }, openid: PERSONAS.admin.openid }),
  })
  const body = (await res.json()) as { result?: { ok: boolean; data?: { profile: unknown } }; errMsg?: string }
  if (!body.result?.ok) throw new Error(`local cloud: users.me failed: ${JSON.stringify(body)}`)
  if (body.result.data?.profile) return log('  demo community already there')
  // a child process: wx-server-sdk binds to one cloud per process, and jest's main process may host another
  await run('npx', ['tsx', path.join(ROOT, 'scripts', 'seed.ts'), '--url', cloud.url, ...(demo ? ['--demo'] : [])], { quiet: true })
  log(`  seeded the demo community (幸福里社区${demo ? ': events, gifts, orders, points' : ''})`)
}

/** The data migrations not yet applied (scripts/migrate.ts, as deploy runs them), in a child process for the same reason as the seed. */
async function migrateCloud(cloud: LocalCloud, log: (l: string) => void): Promise<void> {
  const { stdout } = await promisify(execFile)('npx', ['tsx', path.join(ROOT, 'scripts', 'migrate.ts'), '--url', cloud.url], { env: childEnv() })
  log(`  ${stdout.trim()}`)
}
