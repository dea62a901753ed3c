/**
 * `npm run migrate`: apply the data migrations not yet applied (scripts/migrations/) through the real
 * wx-server-sdk, and print one line of what they did.
 *
 *   npm run migrate -- --url http://127.0.0.1:PORT     a local cloud (or LINLI_CLOUD_URL)
 *   npm run migrate                                     the cloud env LINLI_CLOUD_ENV, with the Tencent
 *                                                       Cloud API keys LINLI_TCB_SECRET_ID / LINLI_TCB_SECRET_KEY
 *
 * The legacy community and street: LINLI_COMMUNITY_ID (default 'default'), LINLI_STREET_ID (default
 * 'street'), LINLI_STREET_NAME (default 本街道). Deploy and the local cloud's start run the same thing.
 */
import { sdkEnvFor } from '../localcloud'
import type { Db } from '../server/db'
import { describeMigrations, migrate } from './migrations'

export type Target = { url: string } | { cloudEnv: string; secretId: string; secretKey: string }

/* eslint-disable @typescript-eslint/no-require-imports -- wx-server-sdk reads its environment when first required */
/** The database of a local cloud (by URL) or of a cloud env (outside the cloud: with API keys). One per process. */
export function databaseOf(target: Target): Db {
  if ('url' in target) {
    Object.assign(process.env, sdkEnvFor(target.url, process.env.TCB_ENV ?? 'local'))
    const sdk = require('wx-server-sdk')
    sdk.init({ env: process.env.TCB_ENV ?? 'local' })
    return sdk.database({ throwOnNotFound: false })
  }
  // outside a cloud function the SDK signs each request with the keys (no SCF runtime around it)
  delete process.env.TENCENTCLOUD_RUNENV
  const sdk = require('wx-server-sdk')
  sdk.init({ env: target.cloudEnv, secretId: target.secretId, secretKey: target.secretKey })
  return sdk.database({ throwOnNotFound: false })
}

/** --url, else LINLI_CLOUD_URL, else the cloud env with the API keys. */
export function targetOf(argv: string[], env = process.env): Target {
  const i = argv.indexOf('--url')
  const url = i >= 0 ? argv[i + 1] : env.LINLI_CLOUD_URL
  if (url) return { url: url.replace(/\/$/, '') }
  if (env.LINLI_CLOUD_ENV && env.LINLI_TCB_SECRET_ID && env.LINLI_TCB_SECRET_KEY) {
    return { cloudEnv: env.LINLI_CLOUD_ENV, secretId: env.LINLI_TCB_SECRET_ID, secretKey: env.LINLI_TCB_SECRET_KEY }
  }
  throw new Error('migrate: pass --url (a local cloud), or set LINLI_CLOUD_ENV, LINLI_TCB_SECRET_ID and LINLI_TCB_SECRET_KEY (the cloud env)')
}

if (require.main === module) {
  Promise.resolve()
    .then(() => migrate(databaseOf(targetOf(process.argv.slice(2)))))
    .then((r) => console.log(describeMigrations(r)))
    .catch((err) => {
      console.error(`migrate failed: ${err?.message ?? err}`)
      process.exit(1)
    })
}
