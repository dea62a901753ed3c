/**
 * `npm run bench:kpis` (figures, not a test): the KPI loop at scale (issue #14), each part in its
 * own process with room for its data, on its own fresh local cloud with the built kpis function.
 * 1. kpis/aggregate.ts: the timer's aggregation of one community's 100,000 orders over 90 days —
 *    time, database requests, documents read, time per day against the 60 s limit; again after one
 *    day changed; again with nothing changed; the timer itself fired through the local cloud.
 * 2. kpis/dashboard.ts: a street of 3 communities with 1,000,000 orders — kpis.dashboard as the
 *    street admin, a community admin and a 网格员, kpis.orders as the admin: requests per call,
 *    p50/p95/max latency, response and stored-aggregate sizes.
 * BENCH_KPIS_ORDERS, BENCH_KPIS_STREET_ORDERS (0 skips part 2) and BENCH_KPIS_CALLS change the sizes.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const parts: [string, number][] = [
  ['aggregate.ts', 4096],
  ['dashboard.ts', 10240],
]
const started = performance.now()
let failed = 0
for (const [file, heapMb] of parts) {
  if (file === 'dashboard.ts' && process.env.BENCH_KPIS_STREET_ORDERS === '0') continue
  console.log(`\n## kpis/${file}`)
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--import', 'tsx', path.join(__dirname, 'kpis', file)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
console.log(`\nbench:kpis took ${((performance.now() - started) / 1000).toFixed(0)} s`)
process.exitCode = failed ? 1 : 0
