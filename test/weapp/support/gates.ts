/**
 * Static gates on a mini-program package (run on dist/ by gates.test.ts; each has a negative
 * control on a hand-made fixture):
 * - every .wxml/.wxs compiles with WeChat's `wcc` (render.ts compileTemplates) and every .wxss with `wcsc`;
 * - app.json, every page json and the sitemap pass miniprogram-ci's own project check, offline;
 * - every page path the bundle names exists in app.json;
 * - the bundle reads no free global outside the logic layer's (LOGIC_GLOBALS) and the language's own,
 *   except ones it feature-tests with `typeof` first, and the reviewed exceptions below.
 */
import { execFile, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { promisify } from 'node:util'
import * as espree from 'espree'
import * as eslintScope from 'eslint-scope'
import { LOGIC_GLOBALS } from './logic'

export function filesOf(root: string, ext: string): string[] {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith(ext) ? [path.join(d, e.name)] : []))
  return walk(root).map((f) => path.relative(root, f).replace(/\\/g, '/'))
}

/** Compile every .wxss with WeChat's `wcsc` (the binary, so its error is not swallowed). */
export function compileStyles(root: string): { files: number } {
  const wcsc = path.join(path.dirname(require.resolve('miniprogram-compiler')), 'bin', 'linux', 'wcsc')
  fs.chmodSync(wcsc, 0o755)
  const files = filesOf(root, '.wxss')
  // component styles first, counted (what the package's own wrapper does)
  const comp = files.filter((f) => fs.existsSync(path.join(root, f.replace(/\.wxss$/, '.json'))))
  const rest = files.filter((f) => !comp.includes(f))
  const r = spawnSync(wcsc, ['-db', '-pc', String(comp.length), ...comp, ...rest], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  if (r.status !== 0) throw new Error(`wcsc: ${r.stderr.toString() || r.error?.message}`)
  return { files: files.length }
}

/** miniprogram-ci's project check (app.json, page json, sitemap…), offline, in a child process (its compiler stays alive). */
export async function projectCheck(root: string): Promise<{ ok: true; files: number } | { ok: false; error: string }> {
  const script = path.join(__dirname, 'ci-check.ts')
  const { stdout } = await promisify(execFile)(process.execPath, [require.resolve('tsx/cli'), script, root], { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 })
  const line = stdout.split('\n').find((l) => l.startsWith('{"ok"'))
  if (!line) throw new Error(`no result from the project check:\n${stdout.slice(-2000)}`)
  return JSON.parse(line)
}

const PAGE_PATH = /["'`]\/((?:pages|staff|volunteer|account)\/[\w/-]+?\/index)(?:\?[^"'`]*)?["'`]/g

/** Page paths named as string literals in the bundle that app.json does not list. */
export function unknownPagePaths(root: string): { path: string; file: string }[] {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const pages = new Set([...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))])
  return filesOf(root, '.js').flatMap((file) => [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(PAGE_PATH)].filter((m) => !pages.has(m[1])).map((m) => ({ path: m[1], file })))
}

/** Free globals read without a `typeof` test that were reviewed and may stay: why each is never reached on a phone. */
export const REVIEWED_GLOBALS: Record<string, string> = {
  tt: "Taro's Douyin (tt) DOM functions: called only when the build targets tt (isEnableTTDom), never in weapp",
  atob: "zod's base64 and JWT string checks (z.base64(), z.jwt()); no contract uses them (grep core/ src/ for base64/jwt), so the call is never reached",
  TextEncoder: 'the QR library encodes a string in byte mode with it; the app draws its QRs in alphanumeric mode (src/pages/events/qr-png.ts), and the logic layer would throw if it were reached',
}

const LANGUAGE = new Set<string>(vm.runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[])

/** Free globals the bundle reads that the logic layer does not have, by name, with the files. */
export function freeGlobals(root: string, reviewed: Record<string, string> = REVIEWED_GLOBALS): Record<string, string[]> {
  const allowed = new Set<string>([...LOGIC_GLOBALS, ...LANGUAGE, 'undefined', 'arguments', ...Object.keys(reviewed)])
  const found: Record<string, string[]> = {}
  for (const file of filesOf(root, '.js')) {
    const code = fs.readFileSync(path.join(root, file), 'utf8')
    const ast = espree.parse(code, { ecmaVersion: 'latest', sourceType: 'script', range: true })
    const tested = new Set([...code.matchAll(/typeof\s*\(?\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1]))
    const scope = eslintScope.analyze(ast as never, { ecmaVersion: 2022, sourceType: 'script' })
    for (const ref of scope.globalScope!.through) {
      const name = ref.identifier.name
      if (allowed.has(name) || tested.has(name)) continue
      const files = (found[name] ??= [])
      if (!files.includes(file)) files.push(file)
    }
  }
  return found
}
