import fs from 'node:fs'
import path from 'node:path'
import { WireError } from '../errors'

/** One timer trigger as declared in config.json. */
export interface TimerTrigger {
  name: string
  type: 'timer'
  /** WeChat cron: second minute hour day month weekday year. */
  config: string
}

export interface FunctionConfig {
  /** Seconds: the cloud's default is 3, its maximum 60. */
  timeout: number
  triggers: TimerTrigger[]
}

export type FunctionMain = (event: unknown, context: Record<string, unknown>) => unknown

/** A loaded build of one function: what deploy uploads (index.js + config.json). */
export interface LoadedFunction {
  name: string
  dir: string
  main: FunctionMain
  config: FunctionConfig
  /** Changes whenever index.js or config.json changes on disk. */
  stamp: string
}

export const DEFAULT_TIMEOUT_S = 3
export const MAX_TIMEOUT_S = 60

export function readConfig(dir: string): FunctionConfig {
  const file = path.join(dir, 'config.json')
  let raw: Record<string, unknown> = {}
  if (fs.existsSync(file)) {
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch (err) {
      throw new WireError('FUNCTIONS_EXECUTE_FAIL', `config.json of ${path.basename(dir)} is not valid JSON: ${(err as Error).message}`)
    }
  }
  const t = Number(raw.timeout)
  const timeout = Number.isFinite(t) && t > 0 ? Math.min(t, MAX_TIMEOUT_S) : DEFAULT_TIMEOUT_S
  const triggers = (Array.isArray(raw.triggers) ? raw.triggers : []).filter(
    (x): x is TimerTrigger => !!x && typeof x === 'object' && x.type === 'timer' && typeof x.name === 'string' && typeof x.config === 'string',
  )
  return { timeout, triggers }
}

function fileStamp(file: string): string {
  try {
    const s = fs.statSync(file)
    return `${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`
  } catch {
    return 'missing'
  }
}

/** Cheap change detector for a function folder (one stat per file). */
export function buildStamp(dir: string): string {
  return `${fileStamp(path.join(dir, 'index.js'))}|${fileStamp(path.join(dir, 'config.json'))}`
}

export const isValidName = (name: unknown): name is string => typeof name === 'string' && /^[A-Za-z0-9_-]{1,60}$/.test(name)

/**
 * A tiny CommonJS loader: files inside the function folder are evaluated fresh on every load
 * (so a rebuilt function is picked up without touching Node's module cache, which jest does not
 * let us clear); bare packages (wx-server-sdk…) come from the host's require, resolved from the
 * function folder, so every function shares one SDK instance like functions share nothing else.
 */
export function loadFunction(root: string, name: string): LoadedFunction {
  const dir = path.resolve(root, name)
  const entry = path.join(dir, 'index.js')
  const stamp = buildStamp(dir)
  if (!fs.existsSync(entry)) {
    throw new WireError('FUNCTIONS_REQUEST_FAIL', `[ResourceNotFound.Function] 未找到指定的Function，请创建后再试。(${name})`)
  }
  const config = readConfig(dir)
  const cache = new Map<string, { exports: unknown }>()
  const exported = requireLocal(entry, dir, cache) as { main?: unknown }
  if (typeof exported?.main !== 'function') {
    throw new WireError('FUNCTIONS_EXECUTE_FAIL', `function ${name}: index.js does not export main`)
  }
  return { name, dir, main: exported.main as FunctionMain, config, stamp }
}

function requireLocal(file: string, root: string, cache: Map<string, { exports: unknown }>): unknown {
  const hit = cache.get(file)
  if (hit) return hit.exports
  const module = { exports: {} as unknown }
  cache.set(file, module)
  if (file.endsWith('.json')) {
    module.exports = JSON.parse(fs.readFileSync(file, 'utf8'))
    return module.exports
  }
  const dir = path.dirname(file)
  /* eslint-disable @typescript-eslint/no-require-imports -- the host's require on purpose: packages are shared with the host (and with jest's registry in tests) */
  const localRequire = (spec: string): unknown => {
    if (spec.startsWith('./') || spec.startsWith('../') || path.isAbsolute(spec)) {
      const target = resolveLocal(path.resolve(dir, spec))
      if (target.startsWith(root + path.sep)) return requireLocal(target, root, cache)
      return require(target)
    }
    return require(require.resolve(spec, { paths: [dir] }))
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '')
  // sourceURL keeps file names in stack traces of user code.
  const wrapper = new Function('exports', 'require', 'module', '__filename', '__dirname', `${source}\n//# sourceURL=${file}`)
  wrapper.call(module.exports, module.exports, localRequire, module, file, dir)
  return module.exports
}

function resolveLocal(p: string): string {
  for (const candidate of [p, `${p}.js`, `${p}.json`, path.join(p, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  }
  throw new Error(`Cannot find module '${p}'`)
}
