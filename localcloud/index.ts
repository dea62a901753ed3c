import fs from 'node:fs'
import path from 'node:path'
import { Hub } from './server'
import type { LocalCloud, LocalCloudOptions, Service, ServiceName } from './types'
import { createDatabaseService } from './database'
import { createFunctionsService } from './functions'
import { createStorageService } from './storage'
import { createOpenApiService } from './openapi'
import { createDevEntry } from './dev'
import { createInspector } from './inspector'

export type { LocalCloud, LocalCloudOptions, Service, ServiceName } from './types'

/** What every service factory receives. `url` and `sdkEnv` are filled in once the hub listens. */
export interface ServiceContext {
  readonly options: Required<Pick<LocalCloudOptions, 'dataDir' | 'strict' | 'envId'>> & LocalCloudOptions
  readonly log: (line: string) => void
  url: string
  sdkEnv: Record<string, string>
  service<T extends Service>(name: ServiceName): T
}

/** Environment variables that point an unmodified wx-server-sdk at a local cloud. */
export function sdkEnvFor(url: string, envId: string): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_SECRETID: 'local',
    TENCENTCLOUD_SECRETKEY: 'local',
    TENCENTCLOUD_SESSIONTOKEN: '',
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    SILENCE: 'true',
  }
}

/**
 * Start the local cloud: services are created in a fixed order and stopped in reverse
 * (dev entry and functions first, so nothing writes while the database closes).
 */
export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const options = { strict: true, envId: 'local', host: '127.0.0.1', ...opts }
  fs.mkdirSync(options.dataDir, { recursive: true })
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'))
  const byName = new Map<ServiceName, Service>()
  const ctx: ServiceContext = {
    options,
    log,
    url: '',
    sdkEnv: {},
    service<T extends Service>(name: ServiceName): T {
      const s = byName.get(name)
      if (!s) throw new Error(`local cloud: no service ${name}`)
      return s as T
    },
  }
  const factories = [createDatabaseService, createStorageService, createOpenApiService, createFunctionsService, createDevEntry, createInspector]
  const services: Service[] = []
  for (const make of factories) {
    const s = make(ctx)
    byName.set(s.name, s)
    services.push(s)
  }
  const hub = new Hub(services, log)
  const port = await hub.listen(options.port ?? 0, options.host)
  ctx.url = `http://${options.host}:${port}`
  ctx.sdkEnv = sdkEnvFor(ctx.url, options.envId)
  const started: Service[] = []
  try {
    for (const s of services) {
      await s.start?.()
      started.push(s)
    }
  } catch (err) {
    for (const s of started.reverse()) await s.stop?.().catch(() => undefined)
    await hub.close()
    throw err
  }
  let stopped = false
  return {
    url: ctx.url,
    port,
    sdkEnv: ctx.sdkEnv,
    service: ctx.service,
    async reset() {
      for (const s of services) await s.reset?.()
    },
    async stop() {
      if (stopped) return
      stopped = true
      await hub.close()
      for (const s of [...services].reverse()) await s.stop?.()
    },
  }
}

export function defaultDataDir(root = process.cwd()): string {
  return path.join(root, '.data', 'localcloud')
}
