/**
 * Bundle each cloudfunctions/<fn>/index.ts into build/functions/<fn>/ — index.js (cjs, node16,
 * wx-server-sdk external, shared core/server code bundled in), package.json and config.json:
 * the deployable folder that deploy uploads and the local cloud runs.
 * `tsx scripts/build-functions.ts [fn…]` builds some; no argument builds all.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

export const ROOT = path.resolve(__dirname, '..')
export const SRC_DIR = path.join(ROOT, 'cloudfunctions')
export const OUT_DIR = path.join(ROOT, 'build', 'functions')
export const WX_SERVER_SDK = '4.0.2'

export function functionNames(): string[] {
  return fs
    .readdirSync(SRC_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(SRC_DIR, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

export interface Built {
  name: string
  bytes: number
  ms: number
}

export async function buildFunction(name: string, outDir = OUT_DIR): Promise<Built> {
  const started = Date.now()
  const dir = path.join(outDir, name)
  fs.mkdirSync(dir, { recursive: true })
  const out = await build({
    entryPoints: [path.join(SRC_DIR, name, 'index.ts')],
    outfile: path.join(dir, 'index.js'),
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    alias: { '@core': path.join(ROOT, 'core') },
  })
  const pkg = { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': WX_SERVER_SDK } }
  const config = path.join(SRC_DIR, name, 'config.json')
  // config.json first, index.js last: a watching local cloud reloads on index.js and finds a whole folder.
  writeAtomic(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  writeAtomic(path.join(dir, 'config.json'), fs.existsSync(config) ? fs.readFileSync(config) : '{"permissions":{"openapi":[]}}\n')
  writeAtomic(path.join(dir, 'index.js'), out.outputFiles[0].contents)
  return { name, bytes: fs.statSync(path.join(dir, 'index.js')).size, ms: Date.now() - started }
}

/** Write to a temporary name, then rename: readers never see a half-written file. */
function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(tmp, data)
  fs.renameSync(tmp, file)
}

export async function buildFunctions(names = functionNames(), outDir = OUT_DIR): Promise<Built[]> {
  return Promise.all(names.map((n) => buildFunction(n, outDir)))
}

if (require.main === module) {
  const started = Date.now()
  const wanted = process.argv.slice(2)
  buildFunctions(wanted.length ? wanted : undefined)
    .then((built) => {
      for (const b of built) console.log(`  ${b.name.padEnd(12)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB  ${b.ms} ms`)
      console.log(`built ${built.length} functions into ${path.relative(process.cwd(), OUT_DIR)} in ${Date.now() - started} ms`)
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
