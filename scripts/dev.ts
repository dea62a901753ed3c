/**
 * `npm start`: build the cloud functions and the H5 app, start the local cloud with the seeded demo
 * community (data kept in .data/localcloud) and the data migrations applied (scripts/migrations/),
 * serve the app on 127.0.0.1 and print the URL.
 * Env: APP_PORT (default 10086), LOCAL_CLOUD_PORT (default any free port).
 * Flags: --no-build (reuse dist-h5 and build/functions), --fresh (start from an empty database).
 */
import fs from 'node:fs'
import path from 'node:path'
import { defaultDataDir } from '../localcloud'
import { startStack } from './lib/start-stack'

async function main() {
  const args = new Set(process.argv.slice(2))
  const dataDir = defaultDataDir(path.resolve(__dirname, '..'))
  if (args.has('--fresh')) fs.rmSync(dataDir, { recursive: true, force: true })
  const build = !args.has('--no-build')
  const stack = await startStack({
    appPort: Number(process.env.APP_PORT ?? 10086),
    cloudPort: Number(process.env.LOCAL_CLOUD_PORT ?? 0),
    dataDir,
    buildFunctions: build,
    buildH5: build ? 'always' : 'if-missing',
    watchFunctions: true,
    timers: true,
    demo: true,
  })
  const secs = Object.entries(stack.timings).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}s`)
  console.log(`\n邻里帮 is running (${secs.join(', ')})`)
  console.log(`  app:         ${stack.appUrl}   ← open this; pick a persona (居民/志愿者/网格员/楼栋长/管理员)`)
  console.log(`  local cloud: ${stack.cloud.url}   (data in ${path.relative(process.cwd(), dataDir)})`)
  console.log('Ctrl+C to stop.')
  const stop = async () => {
    await stack.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
