/**
 * `npm run bench:orders` (figures, not a test): on a fresh local cloud with the built functions,
 * called through the dev entry like the app —
 * 1. database round trips per transition (the local cloud's request counter, one call at a time,
 *    split by wire action: the caller's user read, the transaction's start/get/set/commit, notices…),
 * 2. accept latency p50/p99 with 200 volunteers racing for ONE order (1 wins, 199 get 已被接单),
 * 3. accept latency p50/p99 with 200 volunteers each accepting a different order at the same time.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud } from '../../localcloud'
import type { DatabaseService } from '../../localcloud/database'
import { DEMO_COMMUNITY, DEMO_STREET } from '../../core/demo/community'
import { PERSONAS } from '../../core/demo/personas'
import { orders } from '../../core/orders/contract'
import { clientFor } from '../../test/support/call'
import { buildFunctions, OUT_DIR } from '../build-functions'
import { sdkFor, seed } from '../seed'
import { fmt } from '../lib/latency'

const N = Number(process.env.BENCH_CONCURRENCY) || 200
const WANG = PERSONAS.residentWang.openid
const STAFF = PERSONAS.staffZhang.openid
const LI = PERSONAS.volunteerLi.openid

async function main(): Promise<void> {
  await buildFunctions(['users', 'orders'])
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-orders-'))
  const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: OUT_DIR, devEntry: true, strict: true, log: () => {} })
  try {
    await seed(cloud)
    const db = sdkFor(cloud).database({ throwOnNotFound: false })
    for (const c of ['points_accounts', 'points_transfers', 'points_rules']) await db.createCollection(c).catch(() => undefined)
    const stats = cloud.service<DatabaseService>('database')
    const c = clientFor(cloud.url)
    const input = { category: 'repair_pipe' as const, description: '厨房下水道堵了' }

    console.log('database round trips per transition (one call, no contention):')
    const trips = async (label: string, run: () => Promise<unknown>) => {
      stats.resetStats()
      await run()
      const s = stats.stats()
      const user = s.byAction['database.getDocument'] ? 1 : 0
      console.log(`  ${label.padEnd(22)} ${String(s.total).padStart(2)} requests (${s.total - user} after the caller's user read)  ${JSON.stringify(s.byAction)}`)
    }
    let id = ''
    await trips('create', async () => (id = (await c.okAs(WANG, orders.create, input))._id))
    await trips('publish', () => c.okAs(STAFF, orders.publish, { orderId: id, points: 10 }))
    await trips('accept', () => c.okAs(LI, orders.accept, { orderId: id }))
    await trips('start', () => c.okAs(LI, orders.start, { orderId: id }))
    await trips('reportDone', () => c.okAs(LI, orders.reportDone, { orderId: id, note: '好了' }))
    await trips('confirm (+ award)', () => c.okAs(WANG, orders.confirm, { orderId: id, stars: 5 }))
    await trips('reopen', () => c.okAs(WANG, orders.reopen, { orderId: id, reason: '又堵了' }))
    await trips('mine (one page)', () => c.okAs(WANG, orders.mine, { limit: 20 }))
    await trips('pool (one page)', () => c.okAs(LI, orders.pool, { limit: 20 }))
    await trips('staff tab (one page)', () => c.okAs(STAFF, orders.staffOrders, { limit: 20, stage: 'all' }))
    await trips('staff search by name', () => c.okAs(STAFF, orders.staffOrders, { limit: 20, q: PERSONAS.residentWang.name.slice(0, 1) }))

    const volunteers = Array.from({ length: N }, (_, i) => `bench-v-${i}`)
    const now = Date.now()
    for (let i = 0; i < N; i += 50) {
      await Promise.all(
        volunteers.slice(i, i + 50).map((v, k) =>
          db.collection('users').doc(v).set({
            data: {
              name: `志愿者${i + k}`, phone: '13600000000', buildingId: 'b2', unitId: 'b2-1', room: '101', gridId: 'g1', communityId: DEMO_COMMUNITY.id, streetId: DEMO_STREET.id,
              roles: ['resident', 'volunteer'], grids: [], buildings: [],
              volunteer: { status: 'approved', skills: ['repair_pipe'], availableTimes: ['weekend_morning'], appliedAt: now }, createdAt: now, updatedAt: now,
            },
          }),
        ),
      )
    }

    /** A burst measures only what it claims: outcomes other than `expected` stop the bench (a figure of refusals is no figure). */
    const burst = async (label: string, orderOf: (i: number) => string, expected: Record<string, number>) => {
      const lat: number[] = []
      const outcomes: Record<string, number> = {}
      const t0 = Date.now()
      await Promise.all(
        volunteers.map(async (v, i) => {
          const s = performance.now()
          for (;;) {
            const r = await c.callAs(v, orders.accept, { orderId: orderOf(i) })
            const k = r.ok ? 'ok' : r.error.code
            if (k === 'BUSY') continue // the app's client retries BUSY by itself
            outcomes[k] = (outcomes[k] ?? 0) + 1
            break
          }
          lat.push(performance.now() - s)
        }),
      )
      console.log(`${label}: ${fmt(lat)}; wall ${Date.now() - t0} ms; outcomes ${JSON.stringify(outcomes)}`)
      const sorted = (o: Record<string, number>) => JSON.stringify(Object.entries(o).sort())
      if (sorted(outcomes) !== sorted(expected)) throw new Error(`${label.trim()}: expected outcomes ${JSON.stringify(expected)}`)
    }

    const one = (await c.okAs(WANG, orders.create, { ...input, urgency: 'urgent' }))._id
    await c.okAs(STAFF, orders.publish, { orderId: one })
    await burst(`\naccept, ${N} volunteers racing for one order`, () => one, { ok: 1, ORDER_TAKEN: N - 1 })

    const many: string[] = []
    for (let i = 0; i < N; i += 20) {
      many.push(...(await Promise.all(Array.from({ length: Math.min(20, N - i) }, () => c.okAs(WANG, orders.create, input).then((o) => o._id)))))
    }
    for (let i = 0; i < N; i += 20) await Promise.all(many.slice(i, i + 20).map((o) => c.okAs(STAFF, orders.publish, { orderId: o })))
    await burst(`accept, ${N} volunteers each taking a different order at once`, (i) => many[i], { ok: N })
  } finally {
    await cloud.stop().finally(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  }
}

void main().catch((err: unknown) => {
  console.error('bench:orders failed:', err)
  process.exitCode = 1
})
