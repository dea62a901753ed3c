import path from 'node:path'
import type { IncomingMessage } from 'node:http'
import type { ServiceContext } from '..'
import type { AdminBody, Service } from '../types'
import { WireError } from '../errors'
import { runOutsideEnv } from './env-view'
import { CLOUD_KEY, Gateway, type InvokeOutcome } from './gateway'
import type { CallerIdentity } from './identity'
import { captureConsole, type FunctionLog } from './logs'
import { TimerScheduler } from './timers'

export type { CallerIdentity } from './identity'
export type { InvokeOutcome } from './gateway'
export type { FunctionLog, InvocationRecord } from './logs'

/** The error a client (wx.cloud / Taro.cloud.callFunction) sees when a function fails. */
export interface ClientCallError {
  errCode: number
  errMsg: string
}

const CLIENT_CODES: Record<string, [number, string]> = {
  FUNCTIONS_EXECUTE_FAIL: [-504002, 'functions execute fail'],
  FUNCTIONS_TIME_LIMIT_EXCEEDED: [-504003, ''],
  FUNCTIONS_REQUEST_FAIL: [-501000, ''],
}

export function clientError(o: Extract<InvokeOutcome, { ok: false }>): ClientCallError {
  const [errCode, label] = CLIENT_CODES[o.code] ?? [-501001, 'resource system error']
  return { errCode, errMsg: `cloud.callFunction:fail Error: errCode: ${errCode} ${label} | errMsg: ${o.message}` }
}

/** The function gateway service; `cloud.service<FunctionsService>('functions')`. */
export interface FunctionsService extends Service {
  readonly name: 'functions'
  /** Run a function as `caller`; failures are outcomes, not exceptions. */
  invoke(name: string, data: unknown, caller?: CallerIdentity): Promise<InvokeOutcome>
  /** Fire a timer trigger now (first trigger of the function when no name is given). */
  fireTrigger(fn: string, triggerName?: string): Promise<InvokeOutcome>
  /** Function folders found in the functions dir, with their config. */
  list(): Array<{ name: string; timeout: number; triggers: Array<{ name: string; config: string }> }>
  logs(name: string): FunctionLog
  /** The caller of the running invocation that sent an SDK request with this API token. */
  identityForToken(token: unknown): CallerIdentity | undefined
}

export function createFunctionsService(ctx: ServiceContext): FunctionsService {
  const functionsDir = path.resolve(ctx.options.functionsDir ?? 'build/functions')
  const gateway = new Gateway({
    functionsDir,
    envId: ctx.options.envId,
    watch: ctx.options.watchFunctions ?? true,
    sdkEnv: () => ctx.sdkEnv,
    log: ctx.log,
  })
  const timers = new TimerScheduler(gateway, ctx.log)
  let uncapture: (() => void) | undefined

  return {
    name: 'functions',
    adminPrefixes: ['functions.'],

    async start() {
      uncapture = captureConsole((fn, line, overlay) => {
        if (overlay[CLOUD_KEY] !== ctx.sdkEnv.TCB_CONTEXT_CNFG) return
        gateway.logs.line(fn, line)
        ctx.log(`[fn ${fn}] ${line}`)
      })
      if (ctx.options.timers) timers.start()
    },
    async stop() {
      timers.stop()
      uncapture?.()
    },
    async reset() {
      gateway.reset()
    },

    async handleAdmin(action: string, body: AdminBody, req: IncomingMessage) {
      if (action !== 'functions.invokeFunction') throw new WireError('INVALID_ACTION', `unknown action ${action}`)
      const name = body.function_name
      if (typeof name !== 'string' || !name) throw new WireError('INVALID_PARAM', '函数名不能为空')
      let data: unknown = {}
      if (typeof body.request_data === 'string' && body.request_data !== '') {
        try {
          data = JSON.parse(body.request_data)
        } catch {
          throw new WireError('INVALID_PARAM', 'request_data is not valid JSON')
        }
      }
      // A call made by a running function carries its API token: the callee sees the same user,
      // and the source the SDK reports (e.g. "wx_client,scf").
      const parent = gateway.identityForToken(body.wxCloudApiToken)
      const header = req.headers['x-tcb-source']
      const source = typeof header === 'string' && header !== ',scf' ? header : parent?.source
      const caller: CallerIdentity = parent ? { ...parent, source } : { source }
      const outcome = await runOutsideEnv(() => gateway.invoke(name, data, caller))
      if (!outcome.ok) throw new WireError(outcome.code, outcome.message)
      // The invocation's own id (the SDK hands it back as callFunction's requestId, as the cloud
      // does); database round trips made by the invocation are counted under it (database stats).
      return { requestId: outcome.requestId, data: { response_data: JSON.stringify(outcome.result) } }
    },

    invoke: (name, data, caller) => runOutsideEnv(() => gateway.invoke(name, data, caller)),
    fireTrigger: (fn, triggerName) => runOutsideEnv(() => timers.fire(fn, triggerName)),
    list: () =>
      gateway.names().map((name) => {
        const c = gateway.config(name)
        return { name, timeout: c.timeout, triggers: c.triggers.map((t) => ({ name: t.name, config: t.config })) }
      }),
    logs: (name) => gateway.logs.of(name),
    identityForToken: (token) => gateway.identityForToken(token),
  }
}
