/**
 * `npm run cloud`: prints its URL and the export lines for wx-server-sdk, serves, and stops
 * cleanly on SIGTERM / SIGINT. An unmodified wx-server-sdk in a separate process, configured only
 * by those printed lines, calls a function through it.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
const FIXTURES = path.resolve(__dirname, '../../fixtures/functions')

interface Started {
  child: ChildProcess
  url: string
  exports: Record<string, string>
  stderr: () => string
}

/**
 * Spawn the CLI in its own process group (`npm run cloud`, or what it runs: tsx localcloud/cli.ts)
 * and read stdout until the export lines are out.
 */
function startCli(dataDir: string, via: 'npm' | 'tsx', indexesFile?: string): Promise<Started> {
  const [cmd, args] = via === 'npm' ? ['npm', ['run', '--silent', 'cloud']] : [path.join(ROOT, 'node_modules/.bin/tsx'), ['localcloud/cli.ts']]
  const child = spawn(cmd as string, args as string[], {
    cwd: ROOT,
    env: { ...process.env, LOCAL_CLOUD_PORT: '0', LOCAL_CLOUD_DATA: dataDir, LOCAL_CLOUD_FUNCTIONS: FIXTURES, LOCAL_CLOUD_TIMERS: '0', ...(indexesFile ? { LOCAL_CLOUD_INDEXES: indexesFile } : {}) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stderr!.on('data', (c) => (err += c))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 60 s; stdout: ${out}; stderr: ${err}`)), 60_000)
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)))
    child.stdout!.on('data', (c) => {
      out += c
      const url = /local cloud listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      if (!url || !/export SILENCE=.*\n/.test(out)) return
      clearTimeout(timer)
      const exports = Object.fromEntries([...out.matchAll(/^export (\w+)='(.*)'$/gm)].map((m) => [m[1], m[2]]))
      resolve({ child, url, exports, stderr: () => err })
    })
  })
}

/** Resolves once the process has exited and every process holding its output pipes (the CLI under npm) has too. */
const closed = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)))

let dataDir: string
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-cli-'))
})
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

test('prints URL and env, serves an unmodified SDK in another process, stops on SIGTERM', async () => {
  // Another project's declarations instead of this repo's database/indexes.json.
  const indexesFile = path.join(dataDir, 'other-indexes.json')
  fs.writeFileSync(indexesFile, JSON.stringify({ collections: { parcels: { indexes: [{ name: 'by_owner', keys: [{ field: 'owner', direction: 1 }] }] } } }))
  const started = await startCli(path.join(dataDir, 'a'), 'npm', indexesFile)
  try {
    const listed = await fetch(`${started.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'database.listCollections' }) })
    expect((await listed.json()).data.collections).toEqual([{ name: 'parcels', count: 0, indexes: [{ name: 'by_owner', keys: [{ field: 'owner', direction: 1 }], unique: false }] }])
    expect(started.exports).toMatchObject({ TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${started.url}/admin` }), TENCENTCLOUD_RUNENV: 'SCF', SILENCE: 'true' })
    expect(await (await fetch(`${started.url}/dev/health`)).json()).toEqual({ ok: true })
    expect((await fetch(`${started.url}/`)).headers.get('content-type')).toContain('text/html')
    // A separate node process with only the printed variables set.
    const script = `const cloud = require('wx-server-sdk'); cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
      cloud.callFunction({ name: 'echo', data: { hello: '邻里' } }).then((r) => console.log(JSON.stringify(r.result)), (e) => { console.error(e); process.exit(1) })`
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('node', ['-e', script], { cwd: ROOT, env: { PATH: process.env.PATH, ...started.exports } }, (e, so, se) => (e ? reject(new Error(se)) : resolve(so))),
    )
    expect(JSON.parse(stdout).event).toEqual({ hello: '邻里' })
  } finally {
    const done = closed(started.child)
    // The whole group (npm, tsx, the CLI) gets the signal, as from a terminal's Ctrl-C / kill.
    process.kill(-started.child.pid!, 'SIGTERM')
    await done
  }
  expect(started.stderr()).toContain('[localcloud] SIGTERM: stopping')
  expect(started.stderr()).toContain('[localcloud] stopped')
  await expect(fetch(`${started.url}/dev/health`)).rejects.toThrow()
})

test('exits 0 after a clean stop on SIGINT', async () => {
  const started = await startCli(path.join(dataDir, 'b'), 'tsx')
  const code = closed(started.child)
  process.kill(started.child.pid!, 'SIGINT')
  expect(await code).toBe(0)
  expect(started.stderr()).toContain('[localcloud] stopped')
})
