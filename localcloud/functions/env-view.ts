import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * A per-invocation view of process.env. The real cloud gives each function instance its own
 * environment (WX_OPENID, WX_API_TOKEN, …) and wx-server-sdk reads the caller from there
 * (getWXContext, the token it sends with every request). Hundreds of invocations share this one
 * process, so `process.env` is replaced by a proxy: inside `runWithEnv(overlay, fn)` reads see
 * the overlay first, then the real environment; outside, the proxy is transparent.
 */
type Overlay = Record<string, string | undefined>

const KEY = Symbol.for('localcloud.envView')
interface Installed {
  als: AsyncLocalStorage<Overlay>
  base: NodeJS.ProcessEnv
}

/**
 * The view installed on the current `process.env` (found through the proxy itself, so every copy
 * of this module sharing one process object shares one view, and a sandbox with its own process
 * object, as in jest, gets its own).
 */
function installed(): Installed {
  const existing = (process.env as unknown as Record<symbol, Installed | undefined>)[KEY]
  if (existing) return existing
  const als = new AsyncLocalStorage<Overlay>()
  const base = process.env
  const inst: Installed = { als, base }
  const has = (o: Overlay | undefined, k: string | symbol) => typeof k === 'string' && !!o && Object.prototype.hasOwnProperty.call(o, k)
  const proxy = new Proxy(base, {
    get(target, k) {
      if (k === KEY) return inst
      const o = als.getStore()
      return has(o, k) ? o![k as string] : Reflect.get(target, k)
    },
    set(target, k, v) {
      const o = als.getStore()
      // Writes inside an invocation stay in that invocation, as in a separate instance.
      if (o && typeof k === 'string') o[k] = v === undefined ? undefined : String(v)
      else Reflect.set(target, k, v === undefined ? undefined : String(v))
      return true
    },
    deleteProperty(target, k) {
      const o = als.getStore()
      if (o && typeof k === 'string') o[k] = undefined
      else Reflect.deleteProperty(target, k)
      return true
    },
    has(target, k) {
      const o = als.getStore()
      if (has(o, k)) return o![k as string] !== undefined
      return Reflect.has(target, k)
    },
    ownKeys(target) {
      const o = als.getStore()
      const keys = new Set(Reflect.ownKeys(target))
      for (const [k, v] of Object.entries(o ?? {})) {
        if (v === undefined) keys.delete(k)
        else keys.add(k)
      }
      return [...keys]
    },
    getOwnPropertyDescriptor(target, k) {
      const o = als.getStore()
      if (has(o, k)) {
        const value = o![k as string]
        return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true }
      }
      return Reflect.getOwnPropertyDescriptor(target, k)
    },
  })
  process.env = proxy
  return inst
}

/** Run `fn` (and everything it awaits or schedules) with `overlay` laid over process.env. */
export function runWithEnv<T>(overlay: Overlay, fn: () => T): T {
  return installed().als.run({ ...overlay }, fn)
}

/** The overlay of the current invocation, if any. */
export function currentOverlay(): Readonly<Overlay> | undefined {
  return installed().als.getStore()
}

/** Run `fn` outside any invocation's view (e.g. the hub answering a request). */
export function runOutsideEnv<T>(fn: () => T): T {
  return installed().als.exit(fn)
}
