/**
 * The KPI timer at one community's scale (part of `npm run bench:kpis`): BENCH_KPIS_ORDERS orders
 * (default 100,000) of 幸福里 over BENCH_KPIS_DAYS China days (default 90), lived through the state
 * machine (history.ts) and loaded straight into a fresh local cloud's store. Then the aggregation — the timer's own code,
 * cloudfunctions/kpis/actions/aggregate.ts, over the real wx-server-sdk — three times on a
 * simulated clock that advances like the timer (every 30 minutes):
 *   1. the first run: every day of the history;
 *   2. after one day's orders were touched (updatedAt moved): that day and its month only;
 *   3. nothing changed since.
 * Each run: wall time, database requests (the local cloud's counter, by wire action), documents
 * read and examined, and the time per day. Then the built function's timer itself, fired through
 * the local cloud (all three communities, its 60 s limit enforced). The day documents of the first
 * run are checked against core/kpis aggregateOf over the generated orders of each day, so
 * dashboard.ts may write aggregates computed in-process.
 */
import { isDeepStrictEqual } from 'node:util'
import { chinaDay, chinaMonth, MINUTE_MS, HOUR_MS } from '../../../core/china-time'
import { aggregateOf, storedFactsOf } from '../../../core/kpis/cells'
import { KPI_DAYS, KPI_MONTHS } from '../../../core/collections'
import { orderDoc, type Order } from '../../../core/orders/model'
import type { FunctionsService } from '../../../localcloud/functions'
import { aggregateCommunity } from '../../../cloudfunctions/kpis/actions/aggregate'
import { dayRange } from '../../../cloudfunctions/kpis/store'
import { pct } from '../../lib/latency'
import { gc, loadStraight, mb, prng, probeQueries, startBenchCloud, tripsOf, type Probe } from '../lib/scale-cloud'
import { creationTimes, historyMaker, placeOf } from './history'

const ORDERS = Number(process.env.BENCH_KPIS_ORDERS) || 100_000
const DAYS = Number(process.env.BENCH_KPIS_DAYS) || 90
const COMMUNITY = 'xingfuli'
const LIMIT_S = 60

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const n = (x: number) => x.toLocaleString('en')

async function main(): Promise<void> {
  const started = performance.now()
  const bench = await startBenchCloud('kpis-aggregate', ['kpis'])
  const { cloud, sdk, db, store, database } = bench
  try {
    // the history ends two hours ago; the simulated timer runs after it
    const generatedAt = Date.now() - 2 * HOUR_MS
    const rnd = prng(20261114)
    const place = placeOf(COMMUNITY)
    const times = creationTimes(generatedAt, DAYS, ORDERS, rnd)
    const live = historyMaker(generatedAt, rnd)
    const byDay = new Map<string, Order[]>()
    const byStatus: Record<string, number> = {}
    let steps = 0
    let seen = 0
    gc()
    const mem0 = process.memoryUsage().heapUsed
    const loaded = await loadStraight(store, 'orders', ORDERS, (j) => {
      const lived = live(place, times[j])
      steps += lived.steps
      return lived.order
    }, (o) => {
      if (seen++ % 10_000 === 0) orderDoc.parse(o)
      byStatus[o.status] = (byStatus[o.status] ?? 0) + 1
      const day = chinaDay(o.createdAt)
      if (!byDay.has(day)) byDay.set(day, [])
      byDay.get(day)!.push(o)
    })
    gc()
    const days = [...byDay.keys()].sort()
    const perDay = days.map((d) => byDay.get(d)!.length)
    console.log(`${n(ORDERS)} orders of ${COMMUNITY} over ${days.length} China days (${days[0]} … ${days.at(-1)}; ${Math.min(...perDay)}–${Math.max(...perDay)} a day), ${(steps / ORDERS).toFixed(1)} machine steps each, generated and loaded into the store in ${s1(loaded.loadMs)}, ${loaded.indexes} indexes in ${s1(loaded.indexMs)}; journal ${mb(store.journal.bytes)}, heap +${mb(process.memoryUsage().heapUsed - mem0)}`)
    console.log(`  by status: ${Object.entries(byStatus).map(([s, k]) => `${s} ${n(k)}`).join(', ')}`)

    const probe = probeQueries(['orders', KPI_DAYS, KPI_MONTHS, 'kpi_state'])
    const c = { _id: COMMUNITY, streetId: place.streetId }
    const rows: string[][] = [['run', 'days', 'months', 'orders counted', 'time', 'db requests', 'by action', 'orders read: days (whole) + scan (createdAt only)', 'kpi_days read', 'orders examined', 'changed-orders scan', 'per day: median / p95 / max']]
    const run = async (label: string, at: number) => {
      probe.take()
      const before = database.stats()
      const marks: number[] = []
      const t0 = performance.now()
      const ran = await aggregateCommunity({ db, cloud: sdk, now: () => at, log: () => undefined }, c, () => marks.push(performance.now()))
      const ms = performance.now() - t0
      const after = database.stats()
      const found = probe.take()
      const scan = found.filter((p) => p.collection === 'orders' && p.filter.includes('updatedAt'))
      const scanEnd = scan.at(-1)?.end ?? t0
      const dayMs = marks.map((m, i) => m - (i === 0 ? scanEnd : marks[i - 1]))
      const byAction = Object.entries(after.byAction)
        .map(([a, k]) => [a.replace('database.', ''), k - (before.byAction[a] ?? 0)] as const)
        .filter(([, k]) => k > 0)
      const read = (ps: Probe[]) => ps.reduce((a, p) => a + p.returned, 0)
      const dayQueries = found.filter((p) => p.collection === 'orders' && !scan.includes(p))
      rows.push([
        label,
        String(ran.days),
        String(ran.months),
        n(ran.orders),
        s1(ms),
        n(after.total - before.total),
        byAction.map(([a, k]) => `${a} ${k}`).join(', '),
        `${n(read(dayQueries))} + ${n(read(scan))}`,
        n(read(found.filter((p) => p.collection === KPI_DAYS))),
        n(found.filter((p) => p.collection === 'orders').reduce((a, p) => a + p.examined, 0)),
        `${scan.length} queries, ${n(scan.reduce((a, p) => a + p.examined, 0))} examined, ${((scanEnd - t0) / 1000).toFixed(2)} s`,
        dayMs.length ? `${pct(dayMs, 50).toFixed(0)} / ${pct(dayMs, 95).toFixed(0)} / ${Math.max(...dayMs).toFixed(0)} ms` : '—',
      ])
      return { ran, ms, dayMs }
    }

    const first = await run('1. first run (whole history)', generatedAt + 15 * MINUTE_MS)

    // the day documents are what aggregateOf gives over each day's orders
    const stored = new Map([...store.collection(KPI_DAYS).liveDocs()].map(([, d]) => [d.day as string, d]))
    const missing = days.filter((d) => !stored.has(d))
    const differ = days.filter((d) => {
      const doc = stored.get(d)
      return doc && !isDeepStrictEqual({ cells: doc.cells, byBuilding: doc.byBuilding, orders: doc.orders }, JSON.parse(JSON.stringify(aggregateOf(byDay.get(d)!.map(storedFactsOf)))))
    })
    const checked = missing.length || differ.length ? `MISMATCH: ${missing.length} days without a document (${missing.slice(0, 3).join(', ')}…), ${differ.length} differ` : `${days.length} of ${days.length} equal`
    if (missing.length || differ.length) process.exitCode = 1

    // a day's orders change (say a batch of 回访 answers): only that day and its month are counted again
    const touched = days[Math.floor(days.length / 2)]
    const [from, to] = dayRange(touched)
    const _ = db.command
    const upd = await db.collection('orders').where({ communityId: COMMUNITY, createdAt: _.gte(from).and(_.lt(to)) }).update({ data: { updatedAt: generatedAt + 20 * MINUTE_MS } })
    const second = await run(`2. ${touched} touched (${n(upd.stats.updated)} orders)`, generatedAt + 35 * MINUTE_MS)
    const third = await run('3. nothing changed', generatedAt + 65 * MINUTE_MS)

    // the built function's timer, as the cloud fires it: every community of the street, now
    const before = database.stats().total
    const fired = await cloud.service<FunctionsService>('functions').fireTrigger('kpis', 'aggregate')
    const timerTrips = tripsOf(database, before, fired.requestId)

    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
    console.log(`\naggregation of ${COMMUNITY} (cloudfunctions/kpis aggregateCommunity over the real wx-server-sdk; per day = counting one day: its orders read a page of 500 at a time, its document written):`)
    for (const r of rows) console.log('  ' + r.map((x, i) => x.padEnd(widths[i])).join('  '))
    console.log(`  day documents after run 1 vs aggregateOf over each day's generated orders: ${checked}`)
    console.log(`  run 2 recounted ${second.ran.days} day and ${second.ran.months} month, run 3 ${third.ran.days} days`)
    const worst = Math.max(...first.dayMs)
    console.log(`  time limit ${LIMIT_S} s (cloudfunctions/kpis/config.json): the slowest day took ${(worst / 1000).toFixed(2)} s (${((worst / 1000 / LIMIT_S) * 100).toFixed(1)} % of it); the first run over all ${first.ran.days} days took ${s1(first.ms)} in one invocation — ${first.ms / 1000 < LIMIT_S ? 'within' : 'OVER'} the limit`)
    console.log(`  the timer fired through the local cloud (3 communities, nothing changed): ${fired.ok ? 'ok' : `FAILED ${fired.code} ${fired.message}`}, ${fired.durationMs} ms, ${timerTrips} database requests, result ${fired.ok ? JSON.stringify(fired.result) : '—'}`)
    const monthDoc = [...store.collection(KPI_MONTHS).liveDocs()].map(([, d]) => ({ month: d.month as string, bytes: Buffer.byteLength(JSON.stringify(d)) }))
    const biggest = monthDoc.sort((a, b) => b.bytes - a.bytes)[0]
    const dayBytes = [...store.collection(KPI_DAYS).liveDocs()].map(([, d]) => Buffer.byteLength(JSON.stringify(d)))
    console.log(`  documents: ${dayBytes.length} kpi_days (median ${pct(dayBytes, 50)} B, max ${Math.max(...dayBytes)} B), ${monthDoc.length} kpi_months (biggest ${biggest.month}: ${n(biggest.bytes)} B); this month ${chinaMonth(generatedAt).key}`)
  } finally {
    const ms = await bench.stop()
    console.log(`(local cloud stopped and its data removed in ${s1(ms)}; whole part ${s1(performance.now() - started)})`)
  }
}

void main().catch((err: unknown) => {
  console.error('bench:kpis (aggregate) failed:', err)
  process.exitCode = 1
})
