/**
 * `npm run cloud`: start only the local cloud and print how to point wx-server-sdk at it.
 * Env: LOCAL_CLOUD_PORT (default 9900; 0 = any free port), LOCAL_CLOUD_DATA (default
 * .data/localcloud), LOCAL_CLOUD_FUNCTIONS (default build/functions), LOCAL_CLOUD_TIMERS=0 to
 * switch timer triggers off, LOCAL_CLOUD_DEV_ENTRY=0 to switch the dev entry off,
 * LOCAL_CLOUD_INDEXES (default database/indexes.json of this repo) for another project's declarations.
 */
import path from 'node:path'
import { defaultDataDir, startLocalCloud } from '.'

const ROOT = path.resolve(__dirname, '..')
export const DEFAULT_PORT = 9900

function port(raw: string | undefined): number {
  const n = Number(raw ?? DEFAULT_PORT)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`LOCAL_CLOUD_PORT must be a port number (0 = any free port), got ${raw}`)
  return n
}

const shellQuote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`

async function main(): Promise<void> {
  const env = process.env
  const dataDir = path.resolve(env.LOCAL_CLOUD_DATA || defaultDataDir(ROOT))
  const functionsDir = path.resolve(env.LOCAL_CLOUD_FUNCTIONS || path.join(ROOT, 'build', 'functions'))
  const cloud = await startLocalCloud({
    port: port(env.LOCAL_CLOUD_PORT),
    dataDir,
    functionsDir,
    devEntry: env.LOCAL_CLOUD_DEV_ENTRY !== '0',
    timers: env.LOCAL_CLOUD_TIMERS !== '0',
    watchFunctions: true,
    indexesFile: env.LOCAL_CLOUD_INDEXES ? path.resolve(env.LOCAL_CLOUD_INDEXES) : undefined,
  })
  const out = [
    `local cloud listening on ${cloud.url}`,
    `inspector: ${cloud.url}/`,
    `data: ${dataDir}`,
    `functions: ${functionsDir}`,
    '',
    '# point an unmodified wx-server-sdk at it (set before the SDK is required):',
    ...Object.entries(cloud.sdkEnv).map(([k, v]) => `export ${k}=${shellQuote(v)}`),
    '',
  ]
  process.stdout.write(out.join('\n') + '\n')

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) process.exit(1) // a second signal: give up waiting
    stopping = true
    process.stderr.write(`[localcloud] ${signal}: stopping\n`)
    cloud.stop().then(
      () => {
        process.stderr.write('[localcloud] stopped\n')
        process.exit(0)
      },
      (err) => {
        process.stderr.write(`[localcloud] stop failed: ${(err as Error)?.stack ?? err}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((err) => {
  process.stderr.write(`[localcloud] failed to start: ${(err as Error)?.message ?? err}\n`)
  process.exit(1)
})
