/**
 * `npm run bench:council` (figures, not a test): on a fresh local cloud with the built functions,
 * called through the dev entry like the app —
 * 1. database round trips of a support and of a ballot (one call, no contention), and of raising,
 *    accepting and listing topics and opening an evaluation;
 * 2. support latency p50/p99 with BENCH_CONCURRENCY (default 300) households supporting ONE topic at
 *    once, and the count afterwards (must equal the households).
 */
import { timeKey } from '../../core/contract/paging'
import { councilFn } from '../../core/council/contract'
import { DEMO_COMMUNITY, DEMO_STREET } from '../../core/demo/community'
import { PERSONAS } from '../../core/demo/personas'
import { clientFor } from '../../test/support/call'
import { fmt } from '../lib/latency'
import { startBenchCloud } from './lib/scale-cloud'

const N = Number(process.env.BENCH_CONCURRENCY) || 300
const ADMIN = PERSONAS.admin.openid
const STAFF = PERSONAS.staffZhang.openid
const WANG = PERSONAS.residentWang.openid
const TOPIC = { title: '楼道灯晚上不亮', detail: '楼道灯坏了两个月，老人晚上看不清台阶。' }

async function main(): Promise<void> {
  const bench = await startBenchCloud('council', ['users', 'council'])
  const { cloud, db, database: stats } = bench
  try {
    const c = clientFor(cloud.url)
    // households of their own: one resident per room of building 1
    const households = Array.from({ length: N + 1 }, (_, i) => `bench-h-${i}`)
    const now = Date.now()
    for (let i = 0; i < households.length; i += 50) {
      await Promise.all(
        households.slice(i, i + 50).map((openid, k) =>
          db.collection('users').doc(openid).set({ data: { name: `住户${i + k}`, phone: '13712345678', buildingId: 'b1', unitId: 'b1-1', room: String(1000 + i + k), gridId: 'g1', communityId: DEMO_COMMUNITY.id, streetId: DEMO_STREET.id, roles: ['resident'], grids: [], buildings: [], volunteer: null, createdAt: now, updatedAt: now, sortKey: timeKey(now, openid) } }),
        ),
      )
    }
    await c.okAs(ADMIN, councilFn.saveSeries, { title: '逢四议事', kind: 'decide', rule: { kind: 'weekly', weekdays: [4] }, startTime: '09:30', minutes: 90, place: '社区议事厅', host: '张网格员', capacity: 30, cutoffHours: 24, holidays: 'keep' })

    console.log('database round trips (one call, no contention):')
    const trips = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
      stats.resetStats()
      const out = await run()
      const s = stats.stats()
      console.log(`  ${label.padEnd(22)} ${String(s.total).padStart(2)} requests  ${JSON.stringify(s.byAction)}`)
      return out
    }
    const raised = await trips('raiseTopic', () => c.okAs(WANG, councilFn.raiseTopic, TOPIC))
    await trips('acceptTopic', () => c.okAs(STAFF, councilFn.acceptTopic, { topicId: raised._id }))
    await trips('support', () => c.okAs(households[N], councilFn.support, { topicId: raised._id }))
    await trips('topics (a page)', () => c.okAs(WANG, councilFn.topics, {}))
    const evaluation = await trips('openEvaluation', () => c.okAs(ADMIN, councilFn.openEvaluation, {}))
    await trips('vote (a ballot)', () => c.okAs(households[N], councilFn.vote, { evaluationId: evaluation._id, choice: 'support' }))

    const raced = await c.okAs(WANG, councilFn.raiseTopic, TOPIC)
    await c.okAs(STAFF, councilFn.acceptTopic, { topicId: raced._id })
    const times: number[] = []
    let refused = 0
    let busy = 0
    await Promise.all(
      households.slice(0, N).map(async (h) => {
        const t0 = performance.now()
        for (;;) {
          const r = await c.callAs(h, councilFn.support, { topicId: raced._id })
          if (!r.ok && r.error.code === 'BUSY') {
            busy++
            continue
          }
          if (!r.ok) refused++
          break
        }
        times.push(performance.now() - t0)
      }),
    )
    const counted = (await db.collection('council_supports').where({ topicId: raced._id }).count()).total
    console.log(`\n${N} households supporting ONE topic at once: ${fmt(times)}; ${refused} refused, ${busy} BUSY retried; supports counted ${counted} (want ${N})`)
    if (counted !== N || refused) process.exitCode = 1
  } finally {
    await bench.stop()
  }
}

void main()
