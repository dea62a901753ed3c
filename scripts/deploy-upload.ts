/**
 * The part of deploy that talks to WeChat (only with credentials): miniprogram-ci uploads the
 * mini-program and each function, adds timer triggers, then creates missing collections and
 * indexes through the same CI session (the cloud console API that WeChat DevTools uses). Last, the
 * database security rules go through Tencent Cloud's documented tcb API (ModifySafeRule, signed with
 * LINLI_TCB_SECRET_ID / LINLI_TCB_SECRET_KEY); without those keys it says loudly that they were NOT applied.
 * Not runnable here (no network, no appid); kept small and explicit so it can be read and checked.
 */
import { appIdOf } from './deploy'
import { execSync } from 'node:child_process'
import path from 'node:path'
import ci from 'miniprogram-ci'
import type { DeployOptions, DeployPlan } from './deploy'
import { ROOT } from './build-functions'
import { deploySecurityRules } from './lib/security-rules'

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

  console.log(`uploading mini-program ${version} …`)
  const res = await ci.upload({ project, version, desc, setting: { es6: false, minify: true }, robot: 1 })
  console.log(`  done: ${JSON.stringify(res.subPackageInfo ?? [])}`)

  for (const f of p.functions) {
    console.log(`uploading cloud function ${f.name} …`)
    await ci.cloud.uploadFunction({ project, env: cloudEnv, name: f.name, path: f.dir, remoteNpmInstall: true })
    if (f.triggers.length) await ci.cloud.createTimeTrigger({ project, envId: cloudEnv, functionName: f.name, triggersConfig: f.triggers })
  }

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
  const rulesApplied = await deploySecurityRules(p.rules, { envId: cloudEnv, appid }, env)
  console.log(rulesApplied ? 'deploy finished' : 'deploy finished — database security rules NOT applied (see above)')
}

function gitHead(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim()
  } catch {
    return 'unknown'
  }
}
