import Taro from '@tarojs/taro'
import type { ActionResult } from '@core/contract/errors'
import { viaDevEntry } from './dev-entry'
import { TransportError } from './transport-error'

export { TransportError }

/** What a cloud function is sent: the router picks `action` and validates `data`. */
export interface FunctionEvent {
  action: string
  data: unknown
}

let cloudReady = false

/** weapp: call once at app start. Env id comes from TARO_APP_CLOUD_ENV at build time (else the default env). */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

async function viaWeapp(name: string, event: FunctionEvent): Promise<unknown> {
  try {
    const res = await Taro.cloud.callFunction({ name, data: { action: event.action, data: event.data } })
    return res.result
  } catch (err) {
    const e = err as { errCode?: number; errMsg?: string }
    throw new TransportError(e.errMsg || String(err), e.errCode)
  }
}

/** Send one event to a cloud function and return its raw `ActionResult`. */
export async function send(name: string, event: FunctionEvent): Promise<ActionResult<unknown>> {
  const raw = process.env.TARO_ENV === 'weapp' ? await viaWeapp(name, event) : await viaDevEntry(name, event)
  if (!raw || typeof raw !== 'object' || !('ok' in raw)) throw new TransportError('服务返回了看不懂的结果')
  return raw as ActionResult<unknown>
}
