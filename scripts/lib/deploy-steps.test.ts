import fs from 'node:fs'
import { parseArgs, plan, type FunctionPlan } from '../deploy'
import { MIGRATIONS, type MigrateReport } from '../migrations'
import { runDeploySteps, type DeploySteps } from './deploy-steps'

const fn = (name: string) => ({ name, dir: `/x/${name}`, triggers: [] }) as unknown as FunctionPlan
const report = (ran: string[]): MigrateReport => ({ ran: ran.map((id) => ({ id, changed: { orders: 3 }, ms: 5 })), before: [], ms: 6 })

function recorder(migrated: string[], fail?: Error) {
  const calls: string[] = []
  const steps: DeploySteps = {
    uploadApp: async () => void calls.push('app'),
    ensureDatabase: async () => void calls.push('collections'),
    async migrate(again) {
      calls.push(again ? `migrate again ${again.join(',')}` : 'migrate')
      if (fail) throw fail
      return report(again ?? migrated)
    },
    uploadFunction: async (f) => void calls.push(`function ${f.name}`),
    applyRules: async () => (calls.push('rules'), true),
  }
  return { calls, steps }
}

const functionsDir = `/tmp/linli-deploy-steps-${process.pid}`
afterAll(() => fs.rmSync(functionsDir, { recursive: true, force: true }))

describe('deploy steps', () => {
  const quiet = () => undefined

  it('migrates after the collections and before any function is replaced, then once more after the switch', async () => {
    const { calls, steps } = recorder(['001-street-hierarchy'])
    const lines: string[] = []
    expect(await runDeploySteps([fn('users'), fn('orders')], steps, (l) => lines.push(l))).toEqual({ rulesApplied: true })
    expect(calls).toEqual(['app', 'collections', 'migrate', 'function users', 'function orders', 'migrate again 001-street-hierarchy', 'rules'])
    expect(lines.join('\n')).toMatch(/migrations: ran 001-street-hierarchy \(orders 3; 5 ms\)/)
  })

  it('with every migration applied before, there is no second pass', async () => {
    const { calls, steps } = recorder([])
    await runDeploySteps([fn('users')], steps, quiet)
    expect(calls).toEqual(['app', 'collections', 'migrate', 'function users', 'rules'])
  })

  it('a failed migration stops the deploy before any function is replaced', async () => {
    const { calls, steps } = recorder([], new Error('write refused'))
    await expect(runDeploySteps([fn('users')], steps, quiet)).rejects.toThrow('write refused')
    expect(calls).toEqual(['app', 'collections', 'migrate'])
  })

  it('the plan lists the migrations; a real deploy without the API keys (needed to migrate) is refused', async () => {
    const creds = { LINLI_APPID: 'wx1', LINLI_PRIVATE_KEY_PATH: 'k', LINLI_CLOUD_ENV: 'e' }
    const o = { ...parseArgs(['--no-app-build'], creds), appDir: '/nonexistent', functionsDir }
    expect(o.dryRun).toBe(false)
    const p = await plan(o, quiet)
    expect(p.migrations.map((m) => m.id)).toEqual(MIGRATIONS.map((m) => m.id))
    expect(p.problems).toContainEqual(expect.stringMatching(/cannot apply the data migrations/))
    const withKeys = await plan({ ...o, rulesKeys: true }, quiet)
    expect(withKeys.problems.filter((x) => /migrations/.test(x))).toEqual([])
  }, 60_000)
})
