import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkFunctionFolder, describePlan, parseArgs, plan } from './deploy'
import { deploySecurityRules } from './lib/security-rules'
import { functionNames } from './build-functions'
import { loadDeclarations } from '../localcloud/database/declarations'

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
  const env = { ...process.env, TARO_APP_ID: '', LINLI_APPID: '', LINLI_PRIVATE_KEY_PATH: '', LINLI_CLOUD_ENV: '', LINLI_TCB_SECRET_ID: '', LINLI_TCB_SECRET_KEY: '' }
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

  it('can apply the security rules only with both Tencent Cloud API keys', () => {
    expect(parseArgs([], {}).rulesKeys).toBe(false)
    expect(parseArgs([], { LINLI_TCB_SECRET_ID: 'id' }).rulesKeys).toBe(false)
    expect(parseArgs([], { LINLI_TCB_SECRET_ID: 'id', LINLI_TCB_SECRET_KEY: 'key' }).rulesKeys).toBe(true)
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
    expect(out).toMatch(/^ {2}users\s+grid_sortKey/m)
    const collections = Object.keys(loadDeclarations(path.join(ROOT, 'database', 'indexes.json')).collections)
    expect(out).toContain(`security rules (${collections.length}, database/security-rules.json`)
    for (const c of collections) expect(out).toMatch(new RegExp(`^  ${c}\\s+\\{"read":false,"write":false\\}$`, 'm'))
    expect(out).toMatch(/^warning: LINLI_TCB_SECRET_ID \/ LINLI_TCB_SECRET_KEY not set: a deploy will NOT apply the database security rules; .*权限设置/m)
    expect(out).not.toContain('PROBLEM')
  }, 60_000)

  it('the app build step: a build that succeeded is no problem, one that failed is', async () => {
    const o = { dryRun: true, buildApp: true, appDir: fixtureApp('built', 1024), functionsDir: path.join(tmp, 'functions-build'), rulesKeys: true }
    const quiet = () => undefined
    expect((await plan(o, quiet, async () => 9500)).problems).toEqual([])
    const failed = await plan(o, quiet, () => Promise.reject(new Error('npm run --silent build:weapp exited with 1\nModule not found')))
    expect(failed.problems).toEqual([expect.stringMatching(/^weapp build failed: .*Module not found/s)])
  }, 60_000)

  it('the plan holds a rule for every declared collection; without the API keys it warns', async () => {
    const o = { dryRun: true, buildApp: false, appDir: fixtureApp('rules', 1024), functionsDir: path.join(tmp, 'functions-rules'), rulesKeys: true }
    const p = await plan(o, () => undefined)
    expect(Object.keys(p.rules.collections).sort()).toEqual(Object.keys(p.database.collections).sort())
    expect(p.problems).toEqual([])
    expect(p.warnings).toEqual([])
    expect(describePlan(p, o, {})).toMatch(/^ {2}orders\s+\{"read":false,"write":false\}$/m)
    const noKeys = await plan({ ...o, rulesKeys: false }, () => undefined)
    expect(noKeys.warnings).toEqual([expect.stringMatching(/NOT apply the database security rules/)])
  }, 60_000)

  describe('upload step: deploySecurityRules', () => {
    const rules = { collections: { orders: { read: false, write: false }, users: { read: false, write: false } } }
    const target = { envId: 'env-1', appid: 'wx1' }
    afterEach(() => jest.restoreAllMocks())

    it('without the keys it applies nothing and says so, with the rules to set by hand', async () => {
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
      const fetchSpy = jest.spyOn(global, 'fetch')
      expect(await deploySecurityRules(rules, target, { LINLI_TCB_SECRET_ID: 'id' })).toBe(false)
      expect(fetchSpy).not.toHaveBeenCalled()
      const said = warn.mock.calls.flat().join('\n')
      expect(said).toMatch(/security rules were NOT applied \(2 collections\)/)
      expect(said).toMatch(/云开发控制台 → 数据库 → .* 权限设置 → 自定义安全规则/)
      expect(said).toMatch(/^ {2}users\s+\{"read":false,"write":false\}$/m)
    })

    it('with the keys it calls tcb ModifySafeRule (then DescribeSafeRule) for every collection', async () => {
      jest.spyOn(console, 'log').mockImplementation(() => undefined)
      const sent: { action: string; body: Record<string, unknown> }[] = []
      jest.spyOn(global, 'fetch').mockImplementation(async (url, init) => {
        expect(url).toBe('https://tcb.tencentcloudapi.com/')
        const headers = init!.headers as Record<string, string>
        expect(headers.Authorization).toMatch(/^TC3-HMAC-SHA256 Credential=id\/\d{4}-\d\d-\d\d\/tcb\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/)
        const body = JSON.parse(init!.body as string)
        sent.push({ action: headers['X-TC-Action'], body })
        const answer = headers['X-TC-Action'] === 'DescribeSafeRule' ? { AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}', RequestId: 'r' } : { RequestId: 'r' }
        return new Response(JSON.stringify({ Response: answer }))
      })
      expect(await deploySecurityRules(rules, target, { LINLI_TCB_SECRET_ID: 'id', LINLI_TCB_SECRET_KEY: 'key' })).toBe(true)
      expect(sent.filter((s) => s.action === 'ModifySafeRule').map((s) => s.body)).toEqual([
        { EnvId: 'env-1', CollectionName: 'orders', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' },
        { EnvId: 'env-1', CollectionName: 'users', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' },
      ])
      expect(sent.filter((s) => s.action === 'DescribeSafeRule')).toHaveLength(2)
    })
  })

  it('dry run fails on a main package over WeChat\'s 2 MB limit', () => {
    const { code, out } = dryRun(fixtureApp('big', 2.1 * 1024 * 1024))
    expect(code).toBe(1)
    expect(out).toMatch(/PROBLEM: main package .* over WeChat's 2 MB limit/)
  }, 60_000)
})
