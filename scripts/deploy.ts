/**
 * `npm run deploy`: upload the mini-program (dist/) with miniprogram-ci, create the collections and
 * indexes declared in database/indexes.json, apply the data migrations not yet applied
 * (scripts/migrations/), then upload the cloud functions (build/functions/) with their timer triggers,
 * and apply the security rules of database/security-rules.json (the client reads and writes nothing
 * directly). Needs TARO_APP_ID (or LINLI_APPID), LINLI_PRIVATE_KEY_PATH and LINLI_CLOUD_ENV;
 * without them (or with --dry-run) it builds, validates and lists what it would upload, and uploads
 * nothing. The migrations and the rules need Tencent Cloud API keys too (LINLI_TCB_SECRET_ID,
 * LINLI_TCB_SECRET_KEY): without them a deploy refuses to start (the new functions must not run on
 * data they do not expect), and a dry run warns that the rules would NOT be applied.
 *
 *   --dry-run            never upload, even with credentials
 *   --no-app-build       use the existing dist/ instead of running `npm run build:weapp`
 *   --app-dir <dir>      validate/upload this weapp build instead of dist/
 *   --functions-dir <d>  build the functions here instead of build/functions/
 */
import fs from 'node:fs'
import path from 'node:path'
import { loadDeclarations, type Declarations } from '../localcloud/database/declarations'
import { buildFunctions, OUT_DIR, ROOT, type Built } from './build-functions'
import { coverageProblems, deniesClient, describeRules, loadSecurityRules, MANUAL_RULES_HINT, type SecurityRules } from './lib/security-rules'
import { npmRun } from './lib/run'
import { MIGRATIONS } from './migrations'
import { MAIN_BUDGET, weappPackages } from './size-report'

/** WeChat refuses a main package over 2 MB; our own budget (size-report --check) is 400 KB. */
export const WECHAT_MAIN_LIMIT = 2 * 1024 * 1024

export interface DeployOptions {
  dryRun: boolean
  buildApp: boolean
  appDir: string
  functionsDir: string
  /** LINLI_TCB_SECRET_ID and LINLI_TCB_SECRET_KEY are set: deploy can apply the security rules */
  rulesKeys: boolean
}

export interface FunctionPlan extends Built {
  dir: string
  triggers: { name: string; type: string; config: string }[]
}

export interface DeployPlan {
  app: { dir: string; mainBytes: number; subpackages: Record<string, number> }
  functions: FunctionPlan[]
  database: Declarations
  rules: SecurityRules
  /** The data migrations, in order (the ones the cloud has applied already are skipped). */
  migrations: { id: string; title: string }[]
  problems: string[]
  warnings: string[]
}

/** The appid: TARO_APP_ID (also what the weapp build uses), or the older LINLI_APPID. */
export const appIdOf = (env: NodeJS.ProcessEnv): string | undefined => env.TARO_APP_ID || env.LINLI_APPID || undefined

export function parseArgs(argv: string[], env = process.env): DeployOptions {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined)
  const hasCredentials = !!(appIdOf(env) && env.LINLI_PRIVATE_KEY_PATH && env.LINLI_CLOUD_ENV)
  return {
    dryRun: argv.includes('--dry-run') || !hasCredentials,
    buildApp: !argv.includes('--no-app-build'),
    appDir: path.resolve(value('--app-dir') ?? path.join(ROOT, 'dist')),
    functionsDir: path.resolve(value('--functions-dir') ?? OUT_DIR),
    rulesKeys: !!(env.LINLI_TCB_SECRET_ID && env.LINLI_TCB_SECRET_KEY),
  }
}

/** A deployable function folder: index.js exporting main, package.json with wx-server-sdk, config.json. */
export function checkFunctionFolder(dir: string): string[] {
  const name = path.basename(dir)
  const problems: string[] = []
  for (const f of ['index.js', 'package.json', 'config.json']) if (!fs.existsSync(path.join(dir, f))) problems.push(`${name}: ${f} missing`)
  if (problems.length) return problems
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
    if (pkg.main !== 'index.js' || !pkg.dependencies?.['wx-server-sdk']) problems.push(`${name}: package.json must have main index.js and depend on wx-server-sdk`)
    JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))
  } catch (err) {
    problems.push(`${name}: ${(err as Error).message}`)
  }
  if (fs.existsSync(path.join(dir, 'index.ts'))) problems.push(`${name}: index.ts next to index.js (deploy the built folder only)`)
  return problems
}

const buildWeapp = () => npmRun('build:weapp', { quiet: true, env: { NODE_ENV: 'production' } })

/** `build` resolves with its duration and rejects when the build fails (npmRun). */
export async function plan(o: DeployOptions, log = console.log, build: () => Promise<number> = buildWeapp): Promise<DeployPlan> {
  const problems: string[] = []
  const warnings: string[] = []
  if (o.buildApp) {
    log('… npm run build:weapp')
    await build().catch((err: Error) => problems.push(`weapp build failed: ${err.message.slice(-500)}`))
  }
  log(`… building cloud functions into ${path.relative(ROOT, o.functionsDir)}`)
  const built = await buildFunctions(undefined, o.functionsDir)
  const functions = built.map((b) => {
    const dir = path.join(o.functionsDir, b.name)
    problems.push(...checkFunctionFolder(dir))
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { triggers?: FunctionPlan['triggers'] }
    return { ...b, dir, triggers: config.triggers ?? [] }
  })
  const app = { dir: o.appDir, mainBytes: 0, subpackages: {} as Record<string, number> }
  if (!fs.existsSync(path.join(o.appDir, 'app.json'))) problems.push(`no weapp build at ${o.appDir} (run npm run build:weapp)`)
  else {
    const { main, subs } = weappPackages(o.appDir)
    const sum = (xs: { bytes: number }[]) => xs.reduce((s, x) => s + x.bytes, 0)
    app.mainBytes = sum(main)
    app.subpackages = Object.fromEntries(Object.entries(subs).map(([k, v]) => [k, sum(v)]))
    if (app.mainBytes > WECHAT_MAIN_LIMIT) problems.push(`main package ${kb(app.mainBytes)} is over WeChat's 2 MB limit`)
    else if (app.mainBytes > MAIN_BUDGET) warnings.push(`main package ${kb(app.mainBytes)} is over our ${kb(MAIN_BUDGET)} budget`)
  }
  let database: Declarations = { collections: {} }
  try {
    database = loadDeclarations(path.join(ROOT, 'database', 'indexes.json'))
  } catch (err) {
    problems.push((err as Error).message)
  }
  const rules = securityRules(database, o, problems, warnings)
  if (!o.dryRun && !o.rulesKeys) problems.push('LINLI_TCB_SECRET_ID / LINLI_TCB_SECRET_KEY not set: deploy cannot apply the data migrations before the functions are switched over')
  const migrations = MIGRATIONS.map(({ id, title }) => ({ id, title }))
  return { app, functions, database, rules, migrations, problems, warnings }
}

/** database/security-rules.json, checked against the declared collections. */
function securityRules(database: Declarations, o: DeployOptions, problems: string[], warnings: string[]): SecurityRules {
  let rules: SecurityRules = { collections: {} }
  try {
    rules = loadSecurityRules()
  } catch (err) {
    problems.push((err as Error).message)
    return rules
  }
  problems.push(...coverageProblems(rules, database))
  for (const [c, r] of Object.entries(rules.collections)) if (!deniesClient(r)) warnings.push(`security rule for ${c} lets the client read or write directly`)
  if (!o.rulesKeys) warnings.push(`LINLI_TCB_SECRET_ID / LINLI_TCB_SECRET_KEY not set: a deploy will NOT apply the database security rules; set the keys, or set the rules by hand in ${MANUAL_RULES_HINT}`)
  return rules
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

export function describePlan(p: DeployPlan, o: DeployOptions, env = process.env): string {
  const lines = [
    o.dryRun ? 'DRY RUN — nothing uploaded (set TARO_APP_ID, LINLI_PRIVATE_KEY_PATH, LINLI_CLOUD_ENV to deploy)' : `DEPLOY to appid ${appIdOf(env)}, cloud env ${env.LINLI_CLOUD_ENV}`,
    `mini-program: ${path.relative(ROOT, p.app.dir) || '.'} — main package ${kb(p.app.mainBytes)}` +
      Object.entries(p.app.subpackages).map(([k, v]) => `, ${k}/ ${kb(v)}`).join(''),
    `cloud functions (${p.functions.length}):`,
    ...p.functions.map((f) => `  ${f.name.padEnd(12)} ${kb(f.bytes).padStart(9)}  ${f.triggers.map((t) => `timer ${t.name} "${t.config}"`).join(', ')}`),
    `collections (${Object.keys(p.database.collections).length}):`,
    ...Object.entries(p.database.collections).map(([c, s]) => `  ${c.padEnd(20)} ${s.indexes.map((i) => i.name).join(', ') || '(no extra indexes)'}`),
    `data migrations (${p.migrations.length}, scripts/migrations/; those not yet applied run before the functions are switched over):`,
    ...p.migrations.map((m) => `  ${m.id.padEnd(22)} ${m.title}`),
    `security rules (${Object.keys(p.rules.collections).length}, database/security-rules.json; client access, applied as 自定义安全规则):`,
    ...describeRules(p.rules),
    ...p.warnings.map((w) => `warning: ${w}`),
    ...p.problems.map((x) => `PROBLEM: ${x}`),
  ]
  return lines.join('\n')
}

if (require.main === module) {
  const o = parseArgs(process.argv.slice(2))
  plan(o)
    .then(async (p) => {
      console.log(describePlan(p, o))
      if (p.problems.length) process.exit(1)
      if (!o.dryRun) await (await import('./deploy-upload')).upload(p, o)
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
