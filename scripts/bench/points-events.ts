/**
 * `npm run bench:events` (figures, not a test): on a fresh local cloud with the built functions,
 * called through the dev entry like the app —
 * 1. redemption latency p50/p99 with 200 concurrent callers (booth stock 200: everyone wins),
 * 2. the hot case: 200 concurrent callers for stock 10 (10 win, 190 get 已兑完),
 * 3. check-in latency p50/p99 with 200 concurrent attendees (each gets attendance points),
 * 4. database round trips per operation (the local cloud's request counter, one call at a time).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud } from '../../localcloud'
import type { DatabaseService } from '../../localcloud/database'
import { PERSONAS } from '../../core/demo/personas'
import { eventsFn } from '../../core/events/contract'
import { adjustTransfer } from '../../core/points'
import { pointsFn } from '../../core/points/contract'
import { tx } from '../../server/db'
import { applyTransferOrThrow } from '../../server/ledger'
import { DEMO_COMMUNITY, DEMO_STREET } from '../../core/demo/community'
import { clientFor } from '../../test/support/call'
import { buildFunctions, OUT_DIR } from '../build-functions'
import { sdkFor, seed } from '../seed'
import { fmt } from '../lib/latency'

const N = Number(process.env.BENCH_CONCURRENCY) || 200
const rid = () => Math.random().toString(36).slice(2, 12) + Date.now().toString(36)
const STAFF = PERSONAS.staffZhang.openid
const ADMIN = PERSONAS.admin.openid

async function main(): Promise<void> {
  await buildFunctions(['users', 'points', 'events'])
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-events-'))
  const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: OUT_DIR, devEntry: true, strict: true, log: () => {} })
  try {
    await seed(cloud)
    const db = sdkFor(cloud).database({ throwOnNotFound: false })
    const stats = cloud.service<DatabaseService>('database')
    const c = clientFor(cloud.url)
    const people = Array.from({ length: N }, (_, i) => `bench-${i}`)
    for (let i = 0; i < N; i += 50) {
      await Promise.all(
        people.slice(i, i + 50).map((id, k) =>
          db.collection('users').doc(id).set({ data: { name: `居民${i + k}`, phone: '13600000000', buildingId: 'b2', unitId: 'b2-1', room: '101', gridId: 'g1', communityId: DEMO_COMMUNITY.id, streetId: DEMO_STREET.id, roles: ['resident'], grids: [], buildings: [], volunteer: null, createdAt: 1, updatedAt: 1 } }),
        ),
      )
      await Promise.all(people.slice(i, i + 50).map((openid) => tx(db, (t) => applyTransferOrThrow(t, adjustTransfer({ communityId: DEMO_COMMUNITY.id, openid, delta: 1000, adjustmentId: rid(), reason: '压测准备', at: Date.now() })))))
    }
    const now = Date.now()
    const gift = await c.okAs(ADMIN, pointsFn.upsertGift, { name: '大米', price: 10, totalStock: 1000, perPersonLimit: 5, activeFrom: now - 3600e3, activeTo: now + 86400e3 })
    const publish = (stock: number) =>
      c.okAs(STAFF, eventsFn.publish, { kind: 'clinic', title: '压测活动', place: '活动室', startAt: now - 60e3, endAt: now + 3600e3, deadline: now + 3600e3, capacity: N, points: 5, booths: [{ giftId: gift.id, stock }] })

    // 4 first (quiet database): round trips of one call
    const solo = await publish(20)
    const trips = async (label: string, run: () => Promise<unknown>) => {
      stats.resetStats()
      await run()
      const s = stats.stats()
      console.log(`  ${label.padEnd(26)} ${String(s.total).padStart(3)} requests  ${JSON.stringify(s.byAction)}`)
    }
    // warm instances first (the rules cache, the pool/redemption shards exist): steady-state figures;
    // a cold instance adds 1 read (rules) to an award, a shard's first use 1 insert.
    const warm = await c.okAs(people[5], pointsFn.redeem, { eventId: solo.id, giftId: gift.id, requestId: rid() })
    await c.okAs(STAFF, pointsFn.verify, { code: warm.code })
    const { code } = await c.okAs(STAFF, eventsFn.checkinCode, { eventId: solo.id })
    await c.okAs(people[6], eventsFn.signUp, { eventId: solo.id })
    await c.okAs(people[6], eventsFn.checkIn, { eventId: solo.id, code })
    console.log('database round trips per operation (one call, no contention, warm instance):')
    await trips('redeem', () => c.okAs(people[0], pointsFn.redeem, { eventId: solo.id, giftId: gift.id, requestId: rid() }))
    const r = await c.okAs(people[1], pointsFn.redeem, { eventId: solo.id, giftId: gift.id, requestId: rid() })
    await trips('verify (核销)', () => c.okAs(STAFF, pointsFn.verify, { code: r.code }))
    await trips('signUp', () => c.okAs(people[2], eventsFn.signUp, { eventId: solo.id }))
    await trips('checkIn (+ award)', () => c.okAs(people[2], eventsFn.checkIn, { eventId: solo.id, code }))
    await trips('balance', () => c.okAs(people[2], pointsFn.balance, {}))

    /** Outcomes other than `expected` (BUSY retries aside) stop the bench: a figure of refusals is no figure. */
    const timed = async (label: string, run: (p: string) => Promise<{ ok: boolean; error?: { code: string } }>, expected: Record<string, number>) => {
      const lat: number[] = []
      const outcomes: Record<string, number> = {}
      const t0 = Date.now()
      stats.resetStats()
      await Promise.all(
        people.map(async (p) => {
          const s = performance.now()
          for (;;) {
            const res = await run(p)
            const k = res.ok ? 'ok' : res.error!.code
            if (k === 'BUSY') {
              outcomes.BUSY = (outcomes.BUSY ?? 0) + 1
              continue
            }
            outcomes[k] = (outcomes[k] ?? 0) + 1
            break
          }
          lat.push(performance.now() - s)
        }),
      )
      const s = stats.stats()
      const txns = s.byAction['database.startTransaction'] ?? 0
      console.log(`${label}: ${fmt(lat)}; wall ${Date.now() - t0} ms; outcomes ${JSON.stringify(outcomes)}; ${s.total} db requests, ${txns} transactions started`)
      const final = Object.entries(outcomes).filter(([k]) => k !== 'BUSY').sort()
      if (JSON.stringify(final) !== JSON.stringify(Object.entries(expected).sort())) throw new Error(`${label}: expected outcomes ${JSON.stringify(expected)}`)
    }
    const wide = await publish(N)
    await timed(`redeem, ${N} concurrent, stock ${N}`, (p) => c.callAs(p, pointsFn.redeem, { eventId: wide.id, giftId: gift.id, requestId: rid() }), { ok: N })
    // BENCH_HOT_RUNS=n repeats the hot case (it varies a lot from run to run on a busy machine)
    for (let k = 0; k < (Number(process.env.BENCH_HOT_RUNS) || 1); k++) {
      const hot = await publish(10)
      await timed(`redeem, ${N} concurrent, stock 10`, (p) => c.callAs(p, pointsFn.redeem, { eventId: hot.id, giftId: gift.id, requestId: rid() }), { ok: 10, SOLD_OUT: N - 10 })
    }
    const ev = await publish(1)
    for (let i = 0; i < N; i += 50) await Promise.all(people.slice(i, i + 50).map((p) => c.okAs(p, eventsFn.signUp, { eventId: ev.id })))
    const cc = await c.okAs(STAFF, eventsFn.checkinCode, { eventId: ev.id })
    await timed(`checkIn, ${N} concurrent`, (p) => c.callAs(p, eventsFn.checkIn, { eventId: ev.id, code: cc.code }), { ok: N })
  } finally {
    await cloud.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
