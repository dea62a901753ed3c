import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { WireError } from '../errors'
import { runWithEnv } from './env-view'
import { identityEnv, type CallerIdentity } from './identity'
import { buildStamp, isValidName, loadFunction, readConfig, type FunctionConfig, type LoadedFunction } from './loader'
import { FN_NAME_KEY, FunctionLogs, REQUEST_ID_KEY } from './logs'

export type InvokeOutcome =
  | { ok: true; result: unknown; requestId: string; durationMs: number }
  | { ok: false; code: FailureCode; message: string; requestId: string; durationMs: number }

/** Wire codes of a failed invocation (the SDK turns them into errCode/errMsg). */
export type FailureCode = 'FUNCTIONS_EXECUTE_FAIL' | 'FUNCTIONS_TIME_LIMIT_EXCEEDED' | 'FUNCTIONS_REQUEST_FAIL'

export interface GatewayOptions {
  functionsDir: string
  envId: string
  /** Reload a function when its build changes (checked before each call). */
  watch: boolean
  /** The SDK environment pointing at this local cloud (filled once the hub listens). */
  sdkEnv: () => Record<string, string>
  log: (line: string) => void
}

const MAX_RESULT_BYTES = 1024 * 1024

/** Extra marker so console capture can tell apart two local clouds in one process. */
export const CLOUD_KEY = 'LOCALCLOUD_URL'

/**
 * Runs built functions in this process, each invocation under its own caller identity
 * (see env-view.ts), with the configured timeout, and keeps their logs.
 */
export class Gateway {
  readonly logs = new FunctionLogs()
  private readonly loaded = new Map<string, LoadedFunction>()
  private readonly tokens = new Map<string, CallerIdentity>()

  constructor(private readonly opts: GatewayOptions) {}

  /** The caller on whose behalf a running invocation's SDK request was made. */
  identityForToken(token: unknown): CallerIdentity | undefined {
    return typeof token === 'string' ? this.tokens.get(token) : undefined
  }

  /** Names of function folders in the functions dir (those with an index.js). */
  names(): string[] {
    const root = this.opts.functionsDir
    if (!fs.existsSync(root)) return []
    return fs
      .readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && isValidName(d.name) && fs.existsSync(path.join(root, d.name, 'index.js')))
      .map((d) => d.name)
      .sort()
  }

  config(name: string): FunctionConfig {
    return readConfig(path.join(this.opts.functionsDir, name))
  }

  /** Run function `name` with `data` as `caller`. Never throws: failures come back as outcomes. */
  async invoke(name: string, data: unknown, caller: CallerIdentity = {}, trigger?: string): Promise<InvokeOutcome> {
    const requestId = randomUUID()
    const started = Date.now()
    const token = randomUUID()
    const overlay: Record<string, string | undefined> = {
      ...this.opts.sdkEnv(),
      ...identityEnv(caller, token, !!trigger),
      [FN_NAME_KEY]: name,
      [REQUEST_ID_KEY]: requestId,
      // The SDK prefixes its seqId query parameter with this, so the hub can tell invocations apart.
      TCB_SEQID: requestId,
      [CLOUD_KEY]: this.opts.sdkEnv().TCB_CONTEXT_CNFG,
    }
    const finish = (o: InvokeOutcome): InvokeOutcome => {
      this.tokens.delete(token)
      this.logs.invocation(name, {
        requestId,
        at: new Date(started).toISOString(),
        durationMs: o.durationMs,
        ok: o.ok,
        error: o.ok ? undefined : o.message,
        openid: caller.openid,
        source: caller.source,
        trigger,
      })
      return o
    }
    const fail = (code: FailureCode, message: string) =>
      finish({ ok: false, code, message, requestId, durationMs: Date.now() - started })
    let fn: LoadedFunction
    try {
      fn = runWithEnv(overlay, () => this.get(name))
    } catch (err) {
      const e = err as WireError
      this.logs.line(name, `${new Date().toISOString()} ERROR load failed: ${e.stack ?? e}`)
      return fail(e instanceof WireError ? (e.code as FailureCode) : 'FUNCTIONS_EXECUTE_FAIL', e.message)
    }
    this.tokens.set(token, caller)
    let event: unknown
    try {
      event = data === undefined ? {} : JSON.parse(JSON.stringify(data))
    } catch (err) {
      return fail('FUNCTIONS_REQUEST_FAIL', `invalid event: ${(err as Error).message}`)
    }
    if (caller.openid && event && typeof event === 'object' && !Array.isArray(event)) {
      ;(event as Record<string, unknown>).userInfo = { appId: caller.appid ?? overlay.WX_APPID, openId: caller.openid }
    }
    const timeoutMs = fn.config.timeout * 1000
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutMs,
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.opts.envId,
      tencentcloud_region: overlay.TENCENTCLOUD_REGION,
      environment: JSON.stringify(Object.fromEntries(Object.entries(overlay).filter(([, v]) => v !== undefined))),
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs)
    })
    try {
      const run = runWithEnv(overlay, () => Promise.resolve().then(() => fn.main(event, context)))
      const result = await Promise.race([run, timedOut])
      if (result === 'timeout') {
        // In the cloud the instance is killed; here the code keeps running but its answer is dropped.
        this.logs.line(name, `${new Date().toISOString()} ERROR ${requestId} timed out after ${fn.config.timeout} s`)
        return fail('FUNCTIONS_TIME_LIMIT_EXCEEDED', `Invoking task timed out after ${fn.config.timeout} seconds`)
      }
      // The result crosses the wire as JSON, limited to 1 MB in the cloud (SDK: -604001).
      const json = JSON.stringify(result === undefined ? null : result)
      if (Buffer.byteLength(json) > MAX_RESULT_BYTES) {
        return fail('FUNCTIONS_EXECUTE_FAIL', `cloudfunction result size exceed limit (1MB): ${Buffer.byteLength(json)} bytes`)
      }
      return finish({ ok: true, result: JSON.parse(json), requestId, durationMs: Date.now() - started })
    } catch (err) {
      const e = err as Error
      this.logs.line(name, `${new Date().toISOString()} ERROR ${requestId} ${e?.stack ?? String(err)}`)
      return fail('FUNCTIONS_EXECUTE_FAIL', e instanceof Error ? e.message : String(err))
    } finally {
      clearTimeout(timer)
    }
  }

  /** The current build of `name`, reloaded when its files changed (if watching). */
  private get(name: string): LoadedFunction {
    if (!isValidName(name)) throw new WireError('FUNCTIONS_REQUEST_FAIL', `invalid function name: ${JSON.stringify(name)}`)
    const cached = this.loaded.get(name)
    if (cached && (!this.opts.watch || cached.stamp === buildStamp(cached.dir))) return cached
    const fresh = loadFunction(this.opts.functionsDir, name)
    if (cached) this.opts.log(`[functions] reloaded ${name}`)
    this.loaded.set(name, fresh)
    return fresh
  }

  reset(): void {
    this.loaded.clear()
    this.logs.clear()
  }
}
