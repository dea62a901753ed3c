/**
 * `npm run bench:street` (figures, not a test): what putting 街道 → 社区 above the grids costs.
 *
 * 1. Requests per order transition, this tree vs a base commit (BENCH_STREET_BASE, default 689c065,
 *    the last commit before the street work; `none` skips it). street/trips.ts runs here and, copied
 *    unchanged, in a temporary `git worktree` of the base (node_modules linked from here), each
 *    process with its own fresh local cloud; the worktree is removed afterwards. Each call is counted
 *    by its invocation id. Two passes: the first call of each transition in a fresh function
 *    instance, then the same transitions again on a new order, warm (the settings an instance keeps
 *    for a while are in memory).
 *    BENCH_STREET_NOW=<commit> measures that commit (in its own worktree too) instead of this working
 *    tree, which may hold uncommitted changes (its label then ends in `-dirty`).
 * 2. street/scale.ts: the lists over 3 communities × 100,000 orders (BENCH_STREET_ORDERS per
 *    community; 0 skips this part): ms, the index the planner chose, documents examined vs returned.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Count } from './street/trips'

const ROOT = path.resolve(__dirname, '..', '..')
const TRIPS = path.join('scripts', 'bench', 'street', 'trips.ts')
const BASE = process.env.BENCH_STREET_BASE ?? '689c065'
const NOW = process.env.BENCH_STREET_NOW

interface Trips {
  commit: string
  rows: { transition: string; passes: Count[] }[]
}

/** Run street/trips.ts with `cwd` as the tree; its last `TRIPS {…}` line. */
function tripsIn(cwd: string): Trips {
  const r = spawnSync(process.execPath, ['--import', 'tsx', TRIPS], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 })
  const line = r.stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('TRIPS '))
  if (r.status !== 0 || !line) throw new Error(`round trips in ${cwd} failed (exit ${r.status})`)
  return JSON.parse(line.slice('TRIPS '.length)) as Trips
}

/** The same measurement in a temporary worktree of `commit`. */
function tripsAt(commit: string): Trips {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-base-'))
  fs.rmdirSync(dir)
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  git('worktree', 'add', '--detach', dir, commit)
  try {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
    fs.mkdirSync(path.join(dir, path.dirname(TRIPS)), { recursive: true })
    fs.copyFileSync(path.join(ROOT, TRIPS), path.join(dir, TRIPS))
    return tripsIn(dir)
  } finally {
    git('worktree', 'remove', '--force', dir)
  }
}

const SHORT: Record<string, string> = {
  getDocument: 'get',
  insertDocument: 'add',
  modifyDocument: 'update',
  startTransaction: 'txStart',
  commitTransaction: 'txCommit',
  queryDocument: 'query',
}
const actions = (c: Count) =>
  Object.entries(c.byAction)
    .map(([a, n]) => `${SHORT[a] ?? a} ${n}`)
    .join(', ')
const others = (c: Count) =>
  Object.values(c.other).reduce((a, n) => a + n, 0)
const cell = (c: Count | undefined) => (!c ? '—' : c.error ? `${c.db}!` : String(c.db))
/** Rows of both trees side by side: the escalation is one row (the base has no street to send it to). */
const key = (t: string) => t.replace(/ \(to the street\)$/, '')

function printTrips(now: Trips, base: Trips | null): void {
  const head = ['transition', `${base ? base.commit : 'base'} first`, 'warm', `${now.commit} (now) first`, 'warm', 'Δ warm', 'now, warm: database requests by action', 'other requests (now, warm)']
  const rows: string[][] = [head]
  const names = [...new Set([...(base?.rows ?? []).map((r) => key(r.transition)), ...now.rows.map((r) => key(r.transition))])]
  for (const name of names) {
    const b = base?.rows.find((r) => key(r.transition) === name)
    const n = now.rows.find((r) => key(r.transition) === name)
    const label = n?.transition ?? b!.transition
    const bw = b?.passes[1]
    const nw = n?.passes[1]
    const delta = bw && nw ? `${nw.db - bw.db >= 0 ? '+' : ''}${nw.db - bw.db}` : '—'
    rows.push([label, cell(b?.passes[0]), cell(bw), cell(n?.passes[0]), cell(nw), delta, nw ? actions(nw) : '—', nw ? `${others(nw)} (${Object.entries(nw.other).map(([a, k]) => `${a} ${k}`).join(', ') || 'none'})` : '—'])
  }
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  console.log('database round trips per transition (one call at a time, counted by invocation id; "first" = the first such call in a fresh function instance, "warm" = the same transition again on a new order in the same instance):')
  for (const r of rows) console.log('  ' + r.map((c, i) => c.padEnd(widths[i])).join('  '))
  const failed = [...now.rows, ...(base?.rows ?? [])].flatMap((r) => r.passes.filter((p) => p.error).map((p) => `${r.transition}: ${p.error}`))
  if (failed.length) console.log(`  ! ${failed.join('; ')}`)
}

function main(): void {
  const now = NOW ? tripsAt(NOW) : tripsIn(ROOT)
  const base = BASE === 'none' ? null : tripsAt(BASE)
  printTrips(now, base)
  if (process.env.BENCH_STREET_ORDERS === '0') return
  console.log('')
  const scale = spawnSync(process.execPath, ['--max-old-space-size=4096', '--import', 'tsx', path.join(__dirname, 'street', 'scale.ts')], { cwd: ROOT, stdio: 'inherit' })
  if (scale.status !== 0) process.exitCode = 1
}

main()
