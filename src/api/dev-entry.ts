import { getDevOpenid } from './persona'
import { TransportError } from './transport-error'
import type { FunctionEvent } from './transport'

/**
 * H5: the local cloud's dev entry, proxied on the same origin by scripts/dev.ts. The weapp build
 * takes dev-entry.weapp.ts instead (Taro's platform suffix), so no dev URL ships in the mini-program.
 */
export async function viaDevEntry(name: string, event: FunctionEvent): Promise<unknown> {
  let res: Response
  try {
    res = await fetch('/dev/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, data: event, openid: getDevOpenid() }),
    })
  } catch (err) {
    throw new TransportError(`网络不通：${String(err)}`)
  }
  const body = (await res.json().catch(() => ({}))) as { result?: unknown; errCode?: number; errMsg?: string }
  if (body.errCode !== undefined || !res.ok) throw new TransportError(body.errMsg || `HTTP ${res.status}`, body.errCode)
  return body.result
}
