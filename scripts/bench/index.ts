/**
 * `npm run bench`: runs every benchmark script in this folder, one after another, each in its own
 * process (so one's memory and open handles never skew the next). Figures are printed, not asserted.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const dir = __dirname
const only = process.argv.slice(2)
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts') && !fs.statSync(path.join(dir, f)).isDirectory())
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

let failed = 0
for (const file of benches) {
  process.stdout.write(`\n### ${file}\n`)
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exitCode = failed ? 1 : 0
