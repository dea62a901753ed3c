/**
 * `npm run size`: weapp main-package and subpackage sizes (from dist/), H5 gzip size of JS + CSS
 * (from dist-h5/) with what home fetches on a first load, and build times.
 *   --build  rebuild weapp and H5 first and report how long each took
 *   --check  exit 1 when the weapp main package is over the budget (400 KB; WeChat's hard limit is 2 MB)
 *            or when zod reached it (the app imports contracts with `import type` only)
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { h5FirstLoad } from './lib/h5-first-load'
import { npmRun } from './lib/run'

const ROOT = path.resolve(__dirname, '..')
const WEAPP = path.join(ROOT, 'dist')
const H5 = path.join(ROOT, 'dist-h5')
export const MAIN_BUDGET = 400 * 1024

interface FileSize {
  file: string
  bytes: number
}

function walk(dir: string): FileSize[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? walk(p) : [{ file: p, bytes: fs.statSync(p).size }]
  })
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const sum = (xs: FileSize[]) => xs.reduce((s, x) => s + x.bytes, 0)

/** Split dist/ into the main package and the subpackages declared in app.json. */
export function weappPackages(dist = WEAPP): { main: FileSize[]; subs: Record<string, FileSize[]> } {
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const subs: Record<string, FileSize[]> = Object.fromEntries(roots.map((r) => [r, []]))
  const main: FileSize[] = []
  for (const f of walk(dist)) {
    const rel = path.relative(dist, f.file)
    const root = roots.find((r) => rel === r || rel.startsWith(r + path.sep))
    ;(root ? subs[root] : main).push({ file: rel, bytes: f.bytes })
  }
  return { main, subs }
}

/** zod's runtime keeps its class names as strings (`$constructor("$ZodType", …)`), even minified. */
const ZOD_MARKERS = ['$ZodType', '$ZodError']

/** Main-package JS files that contain zod's runtime (paths relative to dist). */
export function filesWithZod(files: FileSize[], dist = WEAPP): string[] {
  return files
    .filter((f) => f.file.endsWith('.js'))
    .filter((f) => {
      const text = fs.readFileSync(path.join(dist, f.file), 'utf8')
      return ZOD_MARKERS.some((m) => text.includes(m))
    })
    .map((f) => f.file)
}

/** gzip size of every JS and CSS file in dist-h5/ (what a browser downloads, all pages). */
export function h5Gzip(dir = H5): { js: number; css: number; raw: number; files: number } {
  const out = { js: 0, css: 0, raw: 0, files: 0 }
  for (const f of walk(dir)) {
    const ext = path.extname(f.file)
    if (ext !== '.js' && ext !== '.css') continue
    const gz = zlib.gzipSync(fs.readFileSync(f.file), { level: 9 }).length
    out[ext === '.js' ? 'js' : 'css'] += gz
    out.raw += f.bytes
    out.files++
  }
  return out
}

async function main() {
  const args = new Set(process.argv.slice(2))
  const times: string[] = []
  if (args.has('--build')) {
    for (const target of ['build:weapp', 'build:h5']) {
      const ms = await npmRun(target, { quiet: true, env: { NODE_ENV: 'production' } })
      times.push(`${target} ${(ms / 1000).toFixed(1)} s`)
    }
  }
  if (!fs.existsSync(path.join(WEAPP, 'app.json'))) throw new Error('dist/ has no weapp build: run npm run build:weapp (or npm run size -- --build)')
  const { main: mainFiles, subs } = weappPackages()
  const mainBytes = sum(mainFiles)
  console.log('weapp (dist/)')
  console.log(`  main package   ${kb(mainBytes).padStart(10)}  (budget ${kb(MAIN_BUDGET)}, ${((mainBytes / MAIN_BUDGET) * 100).toFixed(0)} %; WeChat limit 2048 KB)`)
  for (const f of [...mainFiles].sort((a, b) => b.bytes - a.bytes).slice(0, 5)) console.log(`    ${f.file.padEnd(28)} ${kb(f.bytes).padStart(10)}`)
  for (const [root, files] of Object.entries(subs)) console.log(`  subpackage ${root.padEnd(10)} ${kb(sum(files)).padStart(8)}  (${files.length} files)`)
  const all = mainBytes + Object.values(subs).reduce((s, f) => s + sum(f), 0)
  console.log(`  total          ${kb(all).padStart(10)}`)
  if (fs.existsSync(H5)) {
    const h = h5Gzip()
    console.log('H5 (dist-h5/)')
    console.log(`  gzip JS ${kb(h.js)} + CSS ${kb(h.css)} = ${kb(h.js + h.css)}  (${h.files} files, ${kb(h.raw)} unzipped)`)
    const first = await h5FirstLoad(H5)
    console.log(`  first load of home (fetched in Chromium): gzip ${kb(first.gzip)}  (${first.files.length} files, ${kb(first.raw)} unzipped)`)
  } else console.log('H5: no dist-h5/ (npm run build:h5)')
  console.log(times.length ? `build times: ${times.join(', ')}` : 'build times: run `npm run size -- --build` to measure')
  if (!args.has('--check')) return
  const zod = filesWithZod(mainFiles)
  if (zod.length) console.error(`FAIL: zod is in the weapp main package (${zod.join(', ')}): import contracts in src/ with \`import type\` only`)
  if (mainBytes > MAIN_BUDGET) console.error(`FAIL: weapp main package ${kb(mainBytes)} is over the ${kb(MAIN_BUDGET)} budget`)
  if (zod.length || mainBytes > MAIN_BUDGET) process.exit(1)
  console.log('check: main package within budget, no zod in it')
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
