/**
 * Database round trips counted per function invocation: each invocation gets its own TCB_SEQID
 * (its request id), the unmodified SDK sends it with every database request (`?seqId=`), and the
 * database's stats count by it. The id reaches every kind of caller: `invoke()` outcomes, the SDK's
 * callFunction result (`requestID`) and the dev entry (`x-request-id` header). Per-invocation
 * counts also show that a transaction that failed with a conflict went through all of the SDK's
 * retries.
 */
import path from 'node:path'
import type { FunctionsService } from '../../../localcloud/functions'
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let lc: DbCloud
let functions: FunctionsService

beforeAll(async () => {
  lc = await startDbCloud({ functionsDir: path.resolve(__dirname, '../../fixtures/functions'), devEntry: true })
  functions = lc.cloud.service<FunctionsService>('functions')
  await lc.db.createCollection('rt')
  for (let i = 0; i < 3; i++) await lc.db.collection('rt').doc(`d${i}`).set({ data: { i } })
})
afterAll(() => lc?.stop())

const tripsOf = (requestId: string) => lc.service.stats().byCaller[requestId]

test('100 concurrent invocations: each one’s round trips are counted under its own request id', async () => {
  lc.service.resetStats()
  const wanted = Array.from({ length: 100 }, (_x, i) => 1 + (i % 7))
  const outcomes = await Promise.all(wanted.map((n, i) => functions.invoke('dbtrips', { n, collection: 'rt' }, { openid: `o${i}` })))
  const ids = new Set<string>()
  outcomes.forEach((o, i) => {
    expect(o).toMatchObject({ ok: true, result: { n: wanted[i] } })
    expect(tripsOf(o.requestId)).toBe(wanted[i])
    ids.add(o.requestId)
  })
  expect(ids.size).toBe(100)
  const total = wanted.reduce((a, b) => a + b, 0)
  expect(lc.service.stats().total).toBe(total)
  expect(lc.service.stats().byCaller.unknown).toBeUndefined()
})

test('a nested callFunction is counted under the callee’s own id, which the SDK hands back', async () => {
  lc.service.resetStats()
  const o = await functions.invoke('dbtrips', { n: 2, nested: 5, collection: 'rt' }, { openid: 'nest' })
  expect(o.ok).toBe(true)
  const calleeId = (o as { result: { calleeRequestId: string } }).result.calleeRequestId
  expect(calleeId).toMatch(/^[0-9a-f-]{36}$/)
  expect(calleeId).not.toBe(o.requestId)
  expect(tripsOf(o.requestId)).toBe(2)
  expect(tripsOf(calleeId)).toBe(5)
})

test('the dev entry and the SDK’s callFunction (requestID) report the invocation id', async () => {
  lc.service.resetStats()
  const res = await fetch(`${lc.cloud.url}/dev/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'dbtrips', data: { n: 3, collection: 'rt' }, openid: 'dev' }) })
  expect(await res.json()).toEqual({ result: { n: 3 } })
  const devId = res.headers.get('x-request-id')!
  expect(tripsOf(devId)).toBe(3)
  const viaSdk = await lc.sdk.callFunction({ name: 'dbtrips', data: { n: 4, collection: 'rt' } })
  expect(viaSdk.result).toEqual({ n: 4 })
  // wx-server-sdk spells it requestID.
  expect(tripsOf(viaSdk.requestID)).toBe(4)
  expect(lc.service.stats().total).toBe(7)
})

test('200 concurrent runTransaction increments in functions: a failed one made exactly the SDK’s 4 attempts', async () => {
  await lc.db.collection('rt').doc('counter').set({ data: { n: 0 } })
  lc.service.resetStats()
  const outcomes = await Promise.all(Array.from({ length: 200 }, (_x, i) => functions.invoke('increment', { collection: 'rt', id: 'counter' }, { openid: `inc${i}` })))
  let succeeded = 0
  for (const o of outcomes) {
    if (!o.ok) throw new Error(`invocation failed: ${o.code} ${o.message}`)
    const r = (o as { result: { ok: boolean; code?: string } }).result
    // One attempt is four round trips: start, get, update, commit.
    const trips = tripsOf(o.requestId)
    if (r.ok) {
      succeeded++
      expect([4, 8, 12, 16]).toContain(trips)
    } else {
      // 1 + 3 retried attempts, then the SDK's rollback of the last one (refused: already ended).
      expect(r.code).toBe('DATABASE_TRANSACTION_CONFLICT')
      expect(trips).toBe(4 * 4 + 1)
    }
  }
  expect((await lc.db.collection('rt').doc('counter').get()).data.n).toBe(succeeded)
  expect(succeeded).toBeGreaterThan(0)
})

