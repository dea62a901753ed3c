/**
 * The logic layer: the mini-program's JavaScript (app.js and what it requires, comp.js, each page's
 * index.js) runs in a node `vm` context that holds only what WeChat's logic layer offers — `wx`,
 * `App`, `Page`, `Component`, `Behavior`, `getApp`, `getCurrentPages`, `requirePlugin`, `require` inside the package,
 * timers and `console`. There is no window, document, localStorage, fetch, process, TextEncoder or
 * Buffer: code that reaches for them throws, as it would on a phone.
 */
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'

/** Globals the logic layer has; the static gate (gates.ts) allows the bundle to read only these and the language's own. */
export const LOGIC_GLOBALS = ['wx', 'App', 'Page', 'Component', 'Behavior', 'getApp', 'getCurrentPages', 'requirePlugin', 'require', 'module', 'exports', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'console'] as const

export type Config = Record<string, unknown> & { data?: Record<string, unknown> }

export interface LogicLayer {
  /** Run a package file (path relative to the package root, without .js); returns its exports. */
  load(file: string): unknown
  app(): Config
  /** The Page() or Component() config registered by a file, loading it if needed. */
  definition(file: string): Config
  /** A value made in the logic layer's realm (its JSON.parse), as WeChat hands data across. */
  toLogic<T>(value: T): T
  context: vm.Context
}

export interface LogicOptions {
  root: string
  wx: object
  getCurrentPages: () => unknown[]
  /** Errors thrown by timer callbacks (they would otherwise escape to the test runner). */
  onError: (err: unknown, where: string) => void
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'>
}

export function createLogicLayer(o: LogicOptions): LogicLayer {
  const defs = new Map<string, Config>()
  let app: Config | undefined
  let loading = ''
  const guard =
    (where: string) =>
    (fn: (...a: unknown[]) => unknown) =>
    (...a: unknown[]) => {
      try {
        return fn(...a)
      } catch (err) {
        o.onError(err, where)
      }
    }
  const sandbox = {
    wx: o.wx,
    console: o.console,
    setTimeout: (fn: () => void, ms?: number, ...a: unknown[]) => setTimeout(guard('setTimeout')(fn), ms, ...a),
    setInterval: (fn: () => void, ms?: number, ...a: unknown[]) => setInterval(guard('setInterval')(fn), ms, ...a),
    clearTimeout,
    clearInterval,
    App: (c: Config) => void (app = c),
    Page: (c: Config) => void defs.set(loading, c),
    Component: (c: Config) => void defs.set(loading, c),
    Behavior: (b: unknown) => b,
    getApp: () => app,
    getCurrentPages: o.getCurrentPages,
    requirePlugin: (name: string) => {
      throw new Error(`plugin ${name} is not declared (the app uses no plugins)`)
    },
  }
  const context = vm.createContext(sandbox, { name: 'mini-program logic layer' })
  const cache = new Map<string, { exports: unknown }>()
  const logicJson = vm.runInContext('JSON', context) as JSON

  function load(file: string): unknown {
    const rel = file.replace(/^\/+/, '').replace(/\.js$/, '')
    const abs = path.join(o.root, `${rel}.js`)
    if (!abs.startsWith(o.root + path.sep)) throw new Error(`require outside the package: ${file}`)
    const hit = cache.get(rel)
    if (hit) return hit.exports
    const module = { exports: {} as unknown }
    cache.set(rel, module)
    const code = fs.readFileSync(abs, 'utf8')
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, context, { filename: abs }) as (r: (p: string) => unknown, m: typeof module, e: unknown) => void
    const before = loading
    loading = rel
    try {
      fn((p: string) => load(path.posix.join(path.posix.dirname(rel), p)), module, module.exports)
    } finally {
      loading = before
    }
    return module.exports
  }

  return {
    load,
    app: () => {
      if (!app) throw new Error('app.js did not call App()')
      return app
    },
    definition(file: string) {
      const rel = file.replace(/^\/+/, '')
      if (!defs.has(rel)) load(rel)
      const d = defs.get(rel)
      if (!d) throw new Error(`${rel}.js did not call Page() or Component()`)
      return d
    },
    toLogic: <T>(value: T): T => (value === undefined ? value : (logicJson.parse(JSON.stringify(value)) as T)),
    context,
  }
}
