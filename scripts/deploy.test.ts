import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkFunctionFolder, parseArgs, plan } from './deploy'
import { functionNames } from './build-functions'

const ROOT = path.resolve(__dirname, '..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-deploy-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** A tiny weapp build: main package with `mainBytes`, one subpackage. */
function fixtureApp(name: string, mainBytes: number): string {
  const dir = path.join(tmp, name)
  fs.mkdirSync(path.join(dir, 'pages'), { recursive: true })
  fs.mkdirSync(path.join(dir, 'staff'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'app.json'), JSON.stringify({ pages: ['pages/index'], subPackages: [{ root: 'staff', pages: ['x'] }] }))
  fs.writeFileSync(path.join(dir, 'pages', 'index.js'), 'x'.repeat(mainBytes))
  fs.writeFileSync(path.join(dir, 'staff', 'x.js'), 'y'.repeat(3000))
  return dir
}

function dryRun(appDir: string): { code: number; out: string } {
  const env = { ...process.env, LINLI_APPID: '', LINLI_PRIVATE_KEY_PATH: '', LINLI_CLOUD_ENV: '' }
  const args = ['tsx', 'scripts/deploy.ts', '--no-app-build', '--app-dir', appDir, '--functions-dir', path.join(tmp, 'functions')]
  try {
    return { code: 0, out: execFileSync('npx', args, { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) }
  } catch (err) {
    const e = err as { status: number; stdout: string }
    return { code: e.status, out: e.stdout }
  }
}

describe('deploy', () => {
  it('is a dry run unless all three credentials are set, or when asked', () => {
    expect(parseArgs([], {}).dryRun).toBe(true)
    const creds = { LINLI_APPID: 'wx1', LINLI_PRIVATE_KEY_PATH: 'k', LINLI_CLOUD_ENV: 'e' }
    expect(parseArgs([], creds).dryRun).toBe(false)
    expect(parseArgs(['--dry-run'], creds).dryRun).toBe(true)
    expect(parseArgs([], { ...creds, LINLI_CLOUD_ENV: '' }).dryRun).toBe(true)
  })

  it('flags incomplete function folders', () => {
    const dir = path.join(tmp, 'broken')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.main = async () => 1')
    fs.writeFileSync(path.join(dir, 'package.json'), '{"main":"index.js"}')
    expect(checkFunctionFolder(dir)).toEqual(['broken: config.json missing'])
    fs.writeFileSync(path.join(dir, 'config.json'), '{}')
    expect(checkFunctionFolder(dir)).toEqual(['broken: package.json must have main index.js and depend on wx-server-sdk'])
  })

  it('dry run: builds and validates every function, lists functions, collections and package sizes', () => {
    const { code, out } = dryRun(fixtureApp('ok', 10 * 1024))
    expect(out).toContain('DRY RUN')
    expect(code).toBe(0)
    for (const fn of functionNames()) {
      expect(out).toMatch(new RegExp(`^  ${fn}\\s+[\\d.]+ KB`, 'm'))
      for (const f of ['index.js', 'package.json', 'config.json']) expect(fs.existsSync(path.join(tmp, 'functions', fn, f))).toBe(true)
    }
    expect(out).toMatch(/main package 10\.\d KB, staff\/ 2\.9 KB/)
    expect(out).toMatch(/^ {2}users\s+grid_createdAt/m)
    expect(out).not.toContain('PROBLEM')
  }, 60_000)

  it('the app build step: a build that succeeded is no problem, one that failed is', async () => {
    const o = { dryRun: true, buildApp: true, appDir: fixtureApp('built', 1024), functionsDir: path.join(tmp, 'functions-build') }
    const quiet = () => undefined
    expect((await plan(o, quiet, async () => 9500)).problems).toEqual([])
    const failed = await plan(o, quiet, () => Promise.reject(new Error('npm run --silent build:weapp exited with 1\nModule not found')))
    expect(failed.problems).toEqual([expect.stringMatching(/^weapp build failed: .*Module not found/s)])
  }, 60_000)

  it('dry run fails on a main package over WeChat\'s 2 MB limit', () => {
    const { code, out } = dryRun(fixtureApp('big', 2.1 * 1024 * 1024))
    expect(code).toBe(1)
    expect(out).toMatch(/PROBLEM: main package .* over WeChat's 2 MB limit/)
  }, 60_000)
})
