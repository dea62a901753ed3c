/**
 * The part of deploy that talks to WeChat (only with credentials), in the order of
 * scripts/lib/deploy-steps.ts: miniprogram-ci uploads the mini-program, creates missing collections
 * and indexes through the same CI session (the cloud console API that WeChat DevTools uses); the data
 * migrations run through wx-server-sdk signed with LINLI_TCB_SECRET_ID / LINLI_TCB_SECRET_KEY
 * (scripts/migrate.ts); then each function and its timer triggers are uploaded. Last, the database
 * security rules go through Tencent Cloud's documented tcb API (ModifySafeRule, signed with the same
 * keys); without those keys it says loudly that they were NOT applied.
 * Not runnable here (no network, no appid); kept small and explicit so it can be read and checked.
 */
import { appIdOf } from './deploy'
import { execSync } from 'node:child_process'
import path from 'node:path'
import ci from 'miniprogram-ci'
import type { DeployOptions, DeployPlan } from './deploy'
import { ROOT } from './build-functions'
import { deploySecurityRules } from './lib/security-rules'
import { runDeploySteps } from './lib/deploy-steps'
import { databaseOf } from './migrate'
import { migrate } from './migrations'
import type { Db } from '../server/db'

/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any -- miniprogram-ci's cloud database API is internal */
const cloudUtils = require('miniprogram-ci/dist/ci/cloud/utils') as { initEnvironmentByProject(p: unknown, env: string): Promise<{ currentEnv: any; cloudAPI: any }> }

export async function upload(p: DeployPlan, _o: DeployOptions, env = process.env): Promise<void> {
  const appid = appIdOf(env)!
  const cloudEnv = env.LINLI_CLOUD_ENV!
  const project = new ci.Project({
    appid,
    type: 'miniProgram',
    projectPath: ROOT,
    privateKeyPath: path.resolve(env.LINLI_PRIVATE_KEY_PATH!),
    ignores: ['node_modules/**/*', 'src/**/*', 'test/**/*', 'localcloud/**/*', '.data/**/*', 'dist-h5/**/*'],
  })
  const version = (require(path.join(ROOT, 'package.json')) as { version: string }).version
  const desc = `邻里帮 ${version} @ ${gitHead()}`
  let db: Db | undefined
  const database = () => (db ??= databaseOf({ cloudEnv, secretId: env.LINLI_TCB_SECRET_ID!, secretKey: env.LINLI_TCB_SECRET_KEY! }))

  const { rulesApplied } = await runDeploySteps(p.functions, {
    async uploadApp() {
      console.log(`uploading mini-program ${version} …`)
      const res = await ci.upload({ project, version, desc, setting: { es6: false, minify: true }, robot: 1 })
      console.log(`  done: ${JSON.stringify(res.subPackageInfo ?? [])}`)
    },
    ensureDatabase: () => ensureCollections(p, project, cloudEnv),
    migrate: (again) => migrate(database(), { again }),
    async uploadFunction(f) {
      console.log(`uploading cloud function ${f.name} …`)
      await ci.cloud.uploadFunction({ project, env: cloudEnv, name: f.name, path: f.dir, remoteNpmInstall: true })
      if (f.triggers.length) await ci.cloud.createTimeTrigger({ project, envId: cloudEnv, functionName: f.name, triggersConfig: f.triggers })
    },
    applyRules: () => deploySecurityRules(p.rules, { envId: cloudEnv, appid }, env),
  })
  console.log(rulesApplied ? 'deploy finished' : 'deploy finished — database security rules NOT applied (see above)')
}

/** The declared collections and indexes that the cloud env lacks. */
async function ensureCollections(p: DeployPlan, project: ci.Project, cloudEnv: string): Promise<void> {
  const { currentEnv, cloudAPI } = await cloudUtils.initEnvironmentByProject(project, cloudEnv)
  const region = currentEnv.functions?.[0]?.region ?? currentEnv.region
  const existing = new Set<string>(((await cloudAPI.flexdbListTables({ region, tag: cloudEnv, mgoLimit: 1000, mgoOffset: 0 })).tables ?? []).map((t: any) => t.tableName))
  for (const [name, spec] of Object.entries(p.database.collections)) {
    if (!existing.has(name)) {
      console.log(`creating collection ${name}`)
      await cloudAPI.flexdbCreateTable({ region, tag: cloudEnv, tableName: name })
    }
    if (!spec.indexes.length) continue
    const have = await cloudAPI.flexdbDescribeTable({ region, tag: cloudEnv, tableName: name }).catch(() => ({ indexes: [] }))
    const missing = spec.indexes.filter((ix) => !(have.indexes ?? []).some((h: any) => h.name === ix.name))
    if (!missing.length) continue
    console.log(`creating indexes on ${name}: ${missing.map((m) => m.name).join(', ')}`)
    await cloudAPI.flexdbUpdateTable({
      region,
      tag: cloudEnv,
      tableName: name,
      createIndexes: missing.map((ix) => ({
        indexName: ix.name,
        mgoKeySchema: { mgoIsUnique: ix.unique, mgoIndexKeys: ix.keys.map((k) => ({ name: k.field, direction: String(k.direction) })) },
      })),
    })
  }
}

function gitHead(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim()
  } catch {
    return 'unknown'
  }
}
