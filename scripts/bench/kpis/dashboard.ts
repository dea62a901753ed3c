/**
 * The dashboard at street scale (part of `npm run bench:kpis`): the demo street's 3 communities with
 * BENCH_KPIS_STREET_ORDERS orders in all (default 1,000,000) over 12 months, lived through the state
 * machine (history.ts) and loaded straight into a fresh local cloud's store. Their aggregates are
 * computed in this process — one document per community and China day (core/kpis aggregateOf), one
 * per community and month (cloudfunctions/kpis/months.ts monthDocOf): the documents the timer
 * writes (aggregate.ts checks the days against aggregateOf) — and written straight into the store
 * too: the timer itself would read every order through the SDK (aggregate.ts measures it).
 * Then, through the dev entry like the app (router → handler → wx-server-sdk → local cloud):
 * kpis.dashboard as the street admin, a community admin and a 网格员, and kpis.orders (the orders
 * behind a figure, first page) as the admin — database requests per call, latency, response size,
 * documents read and examined per collection — and the sizes of the stored aggregates.
 */
import os from 'node:os'
import { chinaDay, chinaMonth } from '../../../core/china-time'
import { aggregateOf, storedFactsOf } from '../../../core/kpis/cells'
import { KPI_DAYS, KPI_MONTHS, KPI_STATE } from '../../../core/collections'
import { kpisFn } from '../../../core/kpis/contract'
import { DEFINITIONS_VERSION } from '../../../core/kpis/rates'
import { DEMO_STREET } from '../../../core/demo/community'
import { PERSONAS } from '../../../core/demo/personas'
import type { ActionContract, InputOf } from '../../../core/contract/define'
import { orderDoc, type Order } from '../../../core/orders/model'
import { monthDocOf } from '../../../cloudfunctions/kpis/months'
import { dayId, monthId, type DayDoc } from '../../../cloudfunctions/kpis/store'
import { pct } from '../../lib/latency'
import { devCall, gc, loadStraight, mb, meterAnswers, prng, probeQueries, putStraight, startBenchCloud, tripsOf, watchFullGc, type Probe } from '../lib/scale-cloud'
import { creationTimes, historyMaker, placeOf } from './history'

const TOTAL = Number(process.env.BENCH_KPIS_STREET_ORDERS) || 1_000_000
const CALLS = Number(process.env.BENCH_KPIS_CALLS) || 50
const WARM = 3
const DAYS = 365
const COMMUNITIES = ['xingfuli', 'heping', 'chunhui'] as const
const GOAL = { requests: 20, p95: 100 }

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const n = (x: number) => x.toLocaleString('en')
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`

async function main(): Promise<void> {
  const started = performance.now()
  const bench = await startBenchCloud('kpis-dashboard', ['kpis'])
  const { cloud, store, database } = bench
  try {
    const now = Date.now()
    const rnd = prng(20261115)
    const places = COMMUNITIES.map(placeOf)
    const per = COMMUNITIES.map((_, k) => Math.floor(TOTAL / COMMUNITIES.length) + (k < TOTAL % COMMUNITIES.length ? 1 : 0))
    const times = COMMUNITIES.map((_, k) => creationTimes(now, DAYS, per[k], rnd))
    const live = historyMaker(now, rnd)
    // the j-th order: communities in turn, each one's orders in time order
    const slot = (j: number): [number, number] => {
      const k = j % COMMUNITIES.length
      return [k, Math.floor(j / COMMUNITIES.length)]
    }
    const slots = Array.from({ length: TOTAL }, (_, j) => j)
      .map(slot)
      .filter(([k, i]) => i < per[k])

    // aggregates of each community's days as they complete (its orders come in time order)
    const dayDocs: DayDoc[] = []
    const open = COMMUNITIES.map(() => ({ day: '', orders: [] as Order[] }))
    const daysOf = new Map<string, DayDoc[]>()
    const close = (k: number) => {
      const { day, orders } = open[k]
      if (!orders.length) return
      const c = COMMUNITIES[k]
      const doc: DayDoc = { _id: dayId(c, day), communityId: c, streetId: DEMO_STREET.id, day, month: day.slice(0, 7), version: DEFINITIONS_VERSION, ...aggregateOf(orders.map(storedFactsOf)) }
      dayDocs.push(doc)
      const key = monthId(c, day.slice(0, 7))
      daysOf.set(key, [...(daysOf.get(key) ?? []), doc])
      open[k] = { day: '', orders: [] }
    }
    let aggregateMs = 0
    let seen = 0
    const byStatus: Record<string, number> = {}
    gc()
    const mem0 = process.memoryUsage().heapUsed
    const loaded = await loadStraight(store, 'orders', slots.length, (j) => {
      const [k, i] = slots[j]
      return live(places[k], times[k][i]).order
    }, (o) => {
      if (seen++ % 50_000 === 0) orderDoc.parse(o)
      byStatus[o.status] = (byStatus[o.status] ?? 0) + 1
      const k = COMMUNITIES.indexOf(o.communityId as (typeof COMMUNITIES)[number])
      const day = chinaDay(o.createdAt)
      const t = performance.now()
      if (open[k].day !== day) close(k)
      open[k].day = day
      open[k].orders.push(o)
      aggregateMs += performance.now() - t
    })
    const t = performance.now()
    COMMUNITIES.forEach((_, k) => close(k))
    const monthDocs = [...daysOf].map(([id, days]) => {
      const [c, month] = id.split(':')
      return { _id: id, ...monthDocOf({ _id: c, streetId: DEMO_STREET.id }, month, days) }
    })
    await putStraight(store, KPI_DAYS, dayDocs)
    await putStraight(store, KPI_MONTHS, monthDocs)
    await putStraight(store, KPI_STATE, COMMUNITIES.map((c) => ({ _id: c, communityId: c, lastRun: now })))
    aggregateMs += performance.now() - t
    gc()
    const heap = process.memoryUsage()
    console.log(`${n(slots.length)} orders (${COMMUNITIES.map((c, k) => `${c} ${n(per[k])}`).join(', ')}) over ${DAYS} China days to ${chinaDay(now)}, generated and loaded into the store in ${s1(loaded.loadMs)}, ${loaded.indexes} indexes in ${s1(loaded.indexMs)}; journal ${mb(store.journal.bytes)}, heap +${mb(heap.heapUsed - mem0)}, rss ${mb(heap.rss)}`)
    console.log(`  by status: ${Object.entries(byStatus).map(([s, k]) => `${s} ${n(k)}`).join(', ')}`)
    console.log(`  aggregates computed in this process (aggregateOf per community and day, mergeAggregates per month) and written straight into the store: ${n(dayDocs.length)} kpi_days, ${monthDocs.length} kpi_months in ${s1(aggregateMs)}`)

    const probe = probeQueries(['orders', KPI_DAYS, KPI_MONTHS, 'communities', 'grids', 'buildings', 'users'])
    const meter = meterAnswers(database)
    const gcs = watchFullGc()
    const month = chinaMonth(now).key
    const rows: string[][] = [['call', 'as', 'db requests', 'latency p50 / p95 / max', 'p95 without a full GC (calls hit)', 'response', 'db answers', 'read per collection (docs)', 'examined', 'goal']]
    /** A call that fails is a row of its own (the error), not the end of the bench. */
    const measure = <C extends ActionContract>(label: string, who: { openid: string; name: string }, c: C, input: InputOf<C>, calls = CALLS) =>
      timed(label, who, c, input, calls).catch((err: Error) => {
        process.exitCode = 1
        rows.push([label, who.name, '—', `FAILED: ${err.message.split('\n').find((l) => /errMsg|error/.test(l))?.trim().slice(0, 160) ?? err.message.slice(0, 160)}`, '', '', '', '', '', 'MISSED'])
      })
    const timed = async <C extends ActionContract>(label: string, who: { openid: string; name: string }, c: C, input: InputOf<C>, calls: number) => {
      for (let w = 0; w < WARM; w++) await devCall(cloud, who.openid, c, input)
      // a full collection first: the million orders' heap is then rarely marked again during the series
      gc()
      probe.take()
      const ms: number[] = []
      const clean: number[] = []
      let hit = 0
      const trips: number[] = []
      let bytes = 0
      let found: Probe[] = []
      for (let r = 0; r < calls; r++) {
        const before = database.stats().total
        const t0 = performance.now()
        const out = await devCall(cloud, who.openid, c, input)
        const t1 = performance.now()
        ms.push(t1 - t0)
        trips.push(tripsOf(database, before, out.id))
        bytes = out.bytes
        found = probe.take()
        // let the observer hear of the collections first
        await new Promise((r) => setImmediate(r))
        const paused = gcs.during(t0, t1)
        if (paused > 0) hit += paused
        else clean.push(t1 - t0)
      }
      const answers = await meter.measure(() => devCall(cloud, who.openid, c, input))
      probe.take()
      const sum = (f: (p: Probe) => number) => {
        const by: Record<string, number> = {}
        for (const p of found) by[p.collection] = (by[p.collection] ?? 0) + f(p)
        return Object.entries(by).map(([col, k]) => `${col} ${n(k)}`).join(', ')
      }
      const p95 = pct(ms, 95)
      const most = Math.max(...trips)
      const ok = most <= GOAL.requests && p95 <= GOAL.p95
      rows.push([
        label,
        who.name,
        trips.every((x) => x === trips[0]) ? String(most) : `${Math.min(...trips)}–${most}`,
        `${pct(ms, 50).toFixed(1)} / ${p95.toFixed(1)} / ${Math.max(...ms).toFixed(1)} ms`,
        `${clean.length ? pct(clean, 95).toFixed(1) : '—'} ms (${calls - clean.length}, ${(hit / 1000).toFixed(1)} s)`,
        kb(bytes),
        kb(answers),
        sum((p) => p.returned),
        sum((p) => p.examined),
        ok ? 'met' : clean.length && pct(clean, 95) <= GOAL.p95 && most <= GOAL.requests ? 'met without full GCs' : 'MISSED',
      ])
    }
    const load0 = os.loadavg()[0]
    await measure('kpis.dashboard (street: 3 communities)', { openid: PERSONAS.streetAdmin.openid, name: '街道管理员' }, kpisFn.dashboard, {})
    await measure('kpis.dashboard (community)', { openid: PERSONAS.admin.openid, name: '社区管理员 (幸福里)' }, kpisFn.dashboard, {})
    await measure('kpis.dashboard (grid g1)', { openid: PERSONAS.staffZhang.openid, name: '网格员 (g1)' }, kpisFn.dashboard, {})
    await measure('kpis.dashboard (street, last month)', { openid: PERSONAS.streetAdmin.openid, name: '街道管理员' }, kpisFn.dashboard, { month: chinaMonth(now, -1).key })
    const ordersRows = rows.length
    await measure('kpis.orders 收集 (first page)', { openid: PERSONAS.admin.openid, name: '社区管理员 (幸福里)' }, kpisFn.orders, { figure: 'collected', limit: 20 })
    await measure('kpis.orders 评价低于4星 (first page)', { openid: PERSONAS.admin.openid, name: '社区管理员 (幸福里)' }, kpisFn.orders, { figure: 'rated_low', limit: 20 })
    await measure('kpis.orders 没按时响应 (first page)', { openid: PERSONAS.admin.openid, name: '社区管理员 (幸福里)' }, kpisFn.orders, { figure: 'late_answer', limit: 20 })
    await measure('kpis.orders 评价低于4星 (street, first page)', { openid: PERSONAS.streetAdmin.openid, name: '街道管理员' }, kpisFn.orders, { figure: 'rated_low', limit: 20 })
    gcs.stop()
    const load1 = os.loadavg()[0]

    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
    console.log(`\ncalls through the dev entry, month ${month} (today counted live), ${CALLS} timed calls each after ${WARM} warm-up, one at a time (load average of this 2-core machine ${load0.toFixed(1)} before, ${load1.toFixed(1)} after); goal ≤ ${GOAL.requests} requests and p95 ≤ ${GOAL.p95} ms. Each series starts after a full GC of this process, whose heap holds the local cloud's million orders; a full GC during a call = one of its mark-compact pauses; db answers = bytes the database sent for one call:`)
    rows.forEach((r, i) => {
      if (i === ordersRows) console.log('')
      console.log('  ' + r.map((x, k) => x.padEnd(widths[k])).join('  '))
    })

    const sizes = (col: string) => [...store.collection(col).liveDocs()].map(([id, d]) => ({ id, d, bytes: Buffer.byteLength(JSON.stringify(d)) })).sort((a, b) => b.bytes - a.bytes)
    const months = sizes(KPI_MONTHS)
    const days = sizes(KPI_DAYS)
    const big = months[0]
    const part = (k: string) => kb(Buffer.byteLength(JSON.stringify(big.d[k] ?? null)))
    console.log(`\nstored aggregates: kpi_months ${months.length} documents, median ${kb(pct(months.map((m) => m.bytes), 50))}, biggest ${big.id} ${kb(big.bytes)} (cells ${part('cells')}, byBuilding ${part('byBuilding')}, beforeLastDay ${part('beforeLastDay')}, trend ${part('trend')}); kpi_days ${n(days.length)}, median ${kb(pct(days.map((d) => d.bytes), 50))}, biggest ${days[0].id} ${kb(days[0].bytes)}`)
    const heapEnd = process.memoryUsage()
    console.log(`  this process (local cloud + functions + bench): heap ${mb(heapEnd.heapUsed)}, rss ${mb(heapEnd.rss)}`)
  } finally {
    const ms = await bench.stop()
    console.log(`(local cloud stopped and its data removed in ${s1(ms)}; whole part ${s1(performance.now() - started)})`)
  }
}

void main().catch((err: unknown) => {
  console.error('bench:kpis (dashboard) failed:', err)
  process.exitCode = 1
})
