/**
 * Lists at street scale: 3 communities × BENCH_STREET_ORDERS orders (default 100,000 each), loaded
 * straight into the local cloud's store, then each list called through the dev entry like the app
 * (router → handler → wx-server-sdk → local cloud). For every list: the first page, a deep page
 * (a cursor far into the list) and the last page, with end-to-end ms, the engine's ms, the index the
 * planner chose, documents examined vs returned, and any missing-index warning the local cloud logged.
 *
 * Examined is counted without changing the local cloud (lib/scale-cloud.ts probeQueries: the
 * collection's document lookups and full-scan iterator, counted for the duration of one find).
 */
import { DEMO_STREET } from '../../../core/demo/community'
import { demoSeedDocs } from '../../../core/demo/seed-docs'
import { PERSONAS } from '../../../core/demo/personas'
import { orders } from '../../../core/orders/contract'
import { keysFor, withKeys } from '../../../core/orders/keys'
import { orderDoc, type Order, type Status } from '../../../core/orders/model'
import { SKILLS, TEAMS } from '../../../core/users/vocab'
import { benchOrder } from '../lib/order'
import type { ActionContract } from '../../../core/contract/define'
import { functionNames } from '../../build-functions'
import { devCall, gc, loadStraight, mb, prng, probeQueries, startBenchCloud, tripsOf, type Probe } from '../lib/scale-cloud'

const PER_COMMUNITY = Number(process.env.BENCH_STREET_ORDERS) || 100_000
const RUNS = Number(process.env.BENCH_STREET_RUNS) || 7
const COMMUNITIES = ['xingfuli', 'heping', 'chunhui'] as const
const LIMIT = 20

/** Share of orders by status (a year of a busy street: most finished, a queue and a pool still open). */
const MIX: [Status, number][] = [
  ['confirmed', 0.5],
  ['closed', 0.05],
  ['cancelled', 0.05],
  ['rejected', 0.02],
  ['referred', 0.02],
  ['submitted', 0.1],
  ['open', 0.12],
  ['accepted', 0.04],
  ['in_service', 0.03],
  ['done', 0.03],
  ['escalated', 0.04],
]

function generator(now: number) {
  const rnd = prng(20260101)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
  const docs = demoSeedDocs()
  const streetOf = new Map(docs.communities.map((c) => [c._id, c.streetId]))
  const buildings = new Map(COMMUNITIES.map((c) => [c, docs.buildings.filter((b) => b.communityId === c)]))
  const total = PER_COMMUNITY * COMMUNITIES.length
  const year = 365 * 86_400_000
  const t0 = now - year
  const li = PERSONAS.volunteerLi.openid
  return (i: number): Order => {
    const communityId = COMMUNITIES[i % COMMUNITIES.length]
    const streetId = streetOf.get(communityId) ?? DEMO_STREET.id
    const b = pick(buildings.get(communityId)!)
    const createdAt = t0 + Math.floor((i * year) / total)
    const resident = `r-${communityId}-${Math.floor(rnd() * 3000)}`
    const volunteer = rnd() < 0.02 ? li : `v-${communityId}-${Math.floor(rnd() * 300)}`
    let r = rnd()
    let status: Status = 'confirmed'
    for (const [s, share] of MIX) {
      if ((r -= share) < 0) {
        status = s
        break
      }
    }
    const category = pick(SKILLS)
    const o: Order = {
      ...benchOrder({ communityId, streetId, building: b, createdAt, orderedBy: resident, category, urgent: rnd() < 0.1, rnd }),
      residentId: resident,
      status,
      updatedAt: createdAt + 3_600_000,
      stageSince: createdAt + 3_600_000,
      dueAt: createdAt + 86_400_000,
      timeline: [
        { seq: 1, at: createdAt, by: resident, actor: 'owner', event: 'CREATE', from: null, to: 'submitted', note: null },
        ...(status === 'submitted' ? [] : [{ seq: 2, at: createdAt + 3_600_000, by: 'staff', actor: 'staff' as const, event: 'STEP', from: 'submitted' as const, to: status, note: null }]),
      ],
    }
    const active = ['submitted', 'open', 'accepted', 'in_service'].includes(status)
    o.overdue = active && rnd() < 0.03
    if (['accepted', 'in_service', 'done', 'confirmed'].includes(status)) Object.assign(o, { volunteerId: volunteer, volunteerName: '志愿者' })
    if (status === 'done' || status === 'confirmed') Object.assign(o, { doneAt: createdAt + 7_200_000, doneNote: '已修好' })
    if (status === 'confirmed') Object.assign(o, { confirmedAt: createdAt + 9_000_000, awardsGiven: 1, rating: { stars: 5, comment: '', at: createdAt + 9_000_000, by: resident } })
    if (status === 'open') {
      const a = rnd()
      // most to everyone in the community; some by skill, team or one volunteer; some to the street pool
      o.audience =
        a < 0.6 ? { skill: null, team: null, volunteerId: null } : a < 0.85 ? { skill: category, team: null, volunteerId: null } : a < 0.93 ? { skill: null, team: pick(TEAMS), volunteerId: null } : { skill: null, team: null, volunteerId: volunteer }
      if (rnd() < 0.05) o.pool = 'street'
    }
    if (status === 'escalated' || status === 'closed') {
      o.triage = { kind: 'big', department: '街道城管科', note: '需要协调' }
      if (rnd() < 0.25) {
        const answered = rnd() < 0.5
        o.street = { since: createdAt + 3_600_000, answeredAt: answered ? createdAt + 86_400_000 : null, answer: answered ? '已协调' : null, by: answered ? 'demo-street-admin' : null }
      }
    }
    return withKeys(o)
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main(): Promise<void> {
  const bench = await startBenchCloud('street', functionNames())
  const { cloud, db, store, database, warnings } = bench
  try {
    gc()
    const mem0 = process.memoryUsage()
    const make = generator(Date.now())
    const total = PER_COMMUNITY * COMMUNITIES.length
    const all: Order[] = []
    const loaded = await loadStraight(store, 'orders', total, make, (o) => {
      if (all.length % 10_000 === 0) orderDoc.parse(o)
      all.push(o)
    })
    const [tLoad, tIndex] = [loaded.loadMs, loaded.indexMs]
    gc()
    const mem1 = process.memoryUsage()
    const byStatus: Record<string, number> = {}
    for (const o of all) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1
    console.log(`${total.toLocaleString('en')} orders (${COMMUNITIES.length} communities × ${PER_COMMUNITY.toLocaleString('en')}) loaded into the store in ${(tLoad / 1000).toFixed(1)} s (journaled), ${loaded.indexes} indexes built in ${(tIndex / 1000).toFixed(1)} s; journal ${mb(store.journal.bytes)}; heap +${mb(mem1.heapUsed - mem0.heapUsed)}, rss ${mb(mem1.rss)}`)
    console.log(`  by status: ${Object.entries(byStatus).map(([s, n]) => `${s} ${n}`).join(', ')}`)

    // the lists' own orders, for cursors deep into each list and near its end
    const li = PERSONAS.volunteerLi
    const liKeys = new Set(keysFor({ openid: li.openid, skills: li.volunteer.skills, team: li.volunteer.team ?? null, home: { communityId: 'xingfuli', streetId: DEMO_STREET.id } }))
    const sorted = (xs: Order[], key: (o: Order) => string | null) => xs.map(key).filter((k): k is string => !!k).sort()
    const queueX = sorted(all.filter((o) => o.communityId === 'xingfuli'), (o) => o.queueKey)
    const queueG1 = sorted(all.filter((o) => o.communityId === 'xingfuli' && o.gridId === 'g1'), (o) => o.queueKey)
    const poolLi = sorted(all.filter((o) => liKeys.has(o.audienceKey) && !o.parties.includes(li.openid)), (o) => o.poolKey)
    const poolLiPipe = sorted(all.filter((o) => liKeys.has(o.audienceKey) && !o.parties.includes(li.openid) && o.category === 'repair_pipe'), (o) => o.poolKey)
    const streetAll = sorted(all.filter((o) => o.streetId === DEMO_STREET.id), (o) => o.streetKey)
    const streetHeping = sorted(all.filter((o) => o.streetId === DEMO_STREET.id && o.communityId === 'heping'), (o) => o.streetKey)
    const poolAll = all.filter((o) => o.poolKey).length
    // the staff tabs and searches: newest first, so their cursors walk the keys from the top
    const newestFirst = (xs: Order[], key: (o: Order) => string | null = (o) => o._id) => sorted(xs, key).reverse()
    const xingfuli = all.filter((o) => o.communityId === 'xingfuli')
    const tabAll = newestFirst(xingfuli)
    const tabG1ToAccept = newestFirst(xingfuli.filter((o) => o.gridId === 'g1' && o.stage === 'to_accept'))
    const tabG1ToDispatch = sorted(xingfuli.filter((o) => o.gridId === 'g1' && o.stage === 'to_dispatch'), (o) => o.queueKey)
    const tabToDispatch = sorted(xingfuli.filter((o) => o.stage === 'to_dispatch'), (o) => o.queueKey)
    const byName = newestFirst(xingfuli, (o) => o.whoKey)
    const byNameG1 = newestFirst(xingfuli.filter((o) => o.gridId === 'g1'), (o) => o.whoKey)
    const inB1 = newestFirst(xingfuli.filter((o) => o.buildingId === 'b1'))
    all.length = 0

    const probe = probeQueries(['orders'])
    type C = ActionContract
    const call = async (openid: string, c: C, input: object) => {
      const out = await devCall(cloud, openid, c, input)
      return { page: out.data as { items: unknown[]; next: string | null }, id: out.id }
    }

    const cursorAt = (keys: string[], at: number) => (at <= 0 ? undefined : keys[Math.min(at, keys.length) - 1])
    const cases: { list: string; openid: string; c: C; input: object; keys: string[] }[] = [
      { list: 'triageQueue (admin, whole community)', openid: PERSONAS.admin.openid, c: orders.triageQueue, input: {}, keys: queueX },
      { list: 'triageQueue (grid staff, grid g1)', openid: PERSONAS.staffZhang.openid, c: orders.triageQueue, input: { gridId: 'g1' }, keys: queueG1 },
      { list: 'pool (volunteer)', openid: li.openid, c: orders.pool, input: {}, keys: poolLi },
      { list: 'pool (volunteer, category filter)', openid: li.openid, c: orders.pool, input: { category: 'repair_pipe' }, keys: poolLiPipe },
      { list: 'streetQueue (street admin, all)', openid: PERSONAS.streetAdmin.openid, c: orders.streetQueue, input: {}, keys: streetAll },
      { list: 'streetQueue (street admin, heping only)', openid: PERSONAS.streetAdmin.openid, c: orders.streetQueue, input: { communityId: 'heping' }, keys: streetHeping },
      { list: 'staffOrders (admin, 全部)', openid: PERSONAS.admin.openid, c: orders.staffOrders, input: { stage: 'all' }, keys: tabAll },
      { list: 'staffOrders (grid staff, 待接单)', openid: PERSONAS.staffZhang.openid, c: orders.staffOrders, input: { stage: 'to_accept' }, keys: tabG1ToAccept },
      { list: 'staffOrders (grid staff, 待分派)', openid: PERSONAS.staffZhang.openid, c: orders.staffOrders, input: { stage: 'to_dispatch' }, keys: tabG1ToDispatch },
      { list: 'staffOrders (admin, 待分派)', openid: PERSONAS.admin.openid, c: orders.staffOrders, input: { stage: 'to_dispatch' }, keys: tabToDispatch },
      { list: 'staffOrders (admin, name starts 居)', openid: PERSONAS.admin.openid, c: orders.staffOrders, input: { q: '居' }, keys: byName },
      { list: 'staffOrders (grid staff, name starts 居)', openid: PERSONAS.staffZhang.openid, c: orders.staffOrders, input: { q: '居' }, keys: byNameG1 },
      { list: 'staffOrders (admin, building b1)', openid: PERSONAS.admin.openid, c: orders.staffOrders, input: { buildingId: 'b1' }, keys: inB1 },
    ]
    const rows: string[][] = [['list', 'page', 'cursor at', 'items', 'ms e2e (median / max)', 'engine ms', 'index used', 'examined', 'returned', 'db trips']]
    for (const k of cases) {
      const pages: [string, number][] = [
        ['first', 0],
        ['deep', Math.floor(k.keys.length / 2)],
        ['last', Math.max(0, k.keys.length - Math.floor(LIMIT / 2))],
      ]
      for (const [name, at] of pages) {
        const input = { ...k.input, limit: LIMIT, ...(cursorAt(k.keys, at) ? { cursor: cursorAt(k.keys, at) } : {}) }
        await call(k.openid, k.c, input) // warm-up
        probe.take()
        const ms: number[] = []
        const engine: number[] = []
        let last: Probe[] = []
        let page: { items: unknown[]; next: string | null } = { items: [], next: null }
        let trips = 0
        for (let r = 0; r < RUNS; r++) {
          const before = database.stats().total
          const s = performance.now()
          const out = await call(k.openid, k.c, input)
          ms.push(performance.now() - s)
          page = out.page
          trips = tripsOf(database, before, out.id)
          last = probe.take()
          engine.push(last.reduce((a, p) => a + p.ms, 0))
        }
        const expected = k.keys.slice(at, at + LIMIT).length
        if (page.items.length !== expected) throw new Error(`${k.list} ${name}: ${page.items.length} items, expected ${expected}`)
        rows.push([
          k.list,
          name,
          `${at.toLocaleString('en')} of ${k.keys.length.toLocaleString('en')}`,
          String(page.items.length),
          `${median(ms).toFixed(1)} / ${Math.max(...ms).toFixed(1)}`,
          median(engine).toFixed(2),
          last.map((p) => p.index + (p.selective ? '' : ' (not selective)')).join(' + '),
          last.map((p) => p.examined.toLocaleString('en')).join(' + '),
          last.map((p) => String(p.returned)).join(' + '),
          String(trips),
        ])
      }
    }
    const listWarnings = warnings.length

    // control: a query no index serves, so the warning shows up when a list would scan
    probe.take()
    await db.collection('orders').where({ description: '没有这条' }).limit(20).get()
    const control = probe.take()[0]

    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
    console.log(`\nlists at ${total.toLocaleString('en')} orders, limit ${LIMIT}, ${RUNS} timed calls each after one warm-up (end-to-end: dev entry → router → handler → wx-server-sdk → local cloud; engine: the local cloud's find alone; returned = limit + 1, the row that tells whether another page exists):`)
    for (const r of rows) console.log('  ' + r.map((c, i) => c.padEnd(widths[i])).join('  '))
    console.log(`  (${poolAll.toLocaleString('en')} open orders street-wide on the pool index; the volunteer qualifies for ${poolLi.length.toLocaleString('en')} of them, ${poolLiPipe.length.toLocaleString('en')} in category repair_pipe)`)
    console.log(`missing-index warnings logged by the lists above: ${listWarnings}`)
    console.log(`control (where description = x, no index): index ${control.index}, examined ${control.examined.toLocaleString('en')}, returned ${control.returned}, ${control.ms.toFixed(1)} ms in the engine; warning: ${warnings.slice(listWarnings).join(' | ') || 'none'}`)
  } finally {
    const ms = await bench.stop()
    console.log(`(local cloud stopped and its data removed in ${(ms / 1000).toFixed(1)} s)`)
  }
}

void main().catch((err: unknown) => {
  console.error('bench:street (scale) failed:', err)
  process.exitCode = 1
})
