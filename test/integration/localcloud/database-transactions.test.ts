/** Transactions through the real wx-server-sdk: snapshot reads, all-or-nothing commits, conflicts, strict mode. */
import { startDbCloud, type DbCloud, type Tx } from './fixtures/db-cloud'

let t: DbCloud
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any

beforeAll(async () => {
  t = await startDbCloud()
  db = t.db
  await db.createCollection('acc')
})
afterAll(() => t?.stop())

const get = async (id: string) => (await db.collection('acc').doc(id).get()).data

test('reads see the snapshot taken at start plus their own writes; others see nothing until commit', async () => {
  await db.collection('acc').doc('a').set({ data: { v: 1 } })
  const tx = await db.startTransaction()
  expect((await tx.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', v: 1 })
  await db.collection('acc').doc('a').update({ data: { v: 2 } })
  await db.collection('acc').doc('late').set({ data: { v: 1 } })
  // Still the snapshot: the outside write and the later document are invisible.
  expect((await tx.collection('acc').doc('a').get()).data).toEqual({ _id: 'a', v: 1 })
  await expect(tx.collection('acc').doc('late').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('does not exist') })
  await tx.collection('acc').doc('b').set({ data: { v: 10 } })
  expect((await tx.collection('acc').doc('b').get()).data).toEqual({ _id: 'b', v: 10 })
  await expect(db.collection('acc').doc('b').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('does not exist') })
  await tx.commit()
  expect(await get('b')).toEqual({ _id: 'b', v: 10 })
})

test('rollback discards every write; commit applies all of them', async () => {
  await db.collection('acc').doc('x').set({ data: { v: 0 } })
  const tx = await db.startTransaction()
  await tx.collection('acc').doc('x').update({ data: { v: db.command.inc(5) } })
  await tx.collection('acc').add({ data: { _id: 'y', v: 1 } })
  await tx.rollback()
  expect(await get('x')).toEqual({ _id: 'x', v: 0 })
  await expect(db.collection('acc').doc('y').get()).rejects.toBeDefined()

  const result = await db.runTransaction(async (t2: Tx) => {
    await t2.collection('acc').doc('x').update({ data: { v: db.command.inc(5) } })
    const added = await t2.collection('acc').add({ data: { _id: 'y', v: 1 } })
    await t2.collection('acc').doc('b').remove()
    return added._id
  })
  expect(result).toBe('y')
  expect(await get('x')).toEqual({ _id: 'x', v: 5 })
  expect(await get('y')).toEqual({ _id: 'y', v: 1 })
  await expect(db.collection('acc').doc('b').get()).rejects.toBeDefined()
})

test('a conflicting commit fails with DATABASE_TRANSACTION_CONFLICT and changes nothing', async () => {
  await db.collection('acc').doc('c').set({ data: { v: 0 } })
  const t1 = await db.startTransaction()
  const t2 = await db.startTransaction()
  await t1.collection('acc').doc('c').update({ data: { v: 1 } })
  await t2.collection('acc').doc('c').update({ data: { v: 2 } })
  await t2.collection('acc').doc('other').set({ data: { v: 2 } })
  await t1.commit()
  await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  expect(await get('c')).toEqual({ _id: 'c', v: 1 })
  await expect(db.collection('acc').doc('other').get()).rejects.toBeDefined()
  // The failed transaction is gone on the server.
  await expect(t2.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
})

async function increment(): Promise<void> {
  await db.runTransaction(async (tx: Tx) => {
    const cur = await tx.collection('acc').doc('counter').get()
    await tx.collection('acc').doc('counter').update({ data: { n: cur.data.n + 1 } })
  })
}

test('200 concurrent runTransaction increments never lose an update', async () => {
  await db.collection('acc').doc('counter').set({ data: { n: 0 } })
  t.service.resetStats()
  const results = await Promise.allSettled(Array.from({ length: 200 }, () => increment()))
  const ok = results.filter((r) => r.status === 'fulfilled').length
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
  expect((await get('counter')).n).toBe(ok)
  for (const f of failed) expect(f.reason).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  // Each failed call went through the SDK's own retries (1 + 3 attempts).
  expect(t.service.stats().byAction['database.startTransaction']).toBeGreaterThanOrEqual(ok + 4 * failed.length)
  expect(ok).toBeGreaterThan(0)
})

test('a caller that retries conflicts gets all 200 increments in', async () => {
  await db.collection('acc').doc('counter').set({ data: { n: 0 } })
  const withRetry = async () => {
    // Exponential backoff with jitter: 200 writers of one document waste little work.
    for (let attempt = 0; ; attempt++) {
      try {
        return await increment()
      } catch (err) {
        if ((err as { code?: string }).code !== 'DATABASE_TRANSACTION_CONFLICT') throw err
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(2000, 20 * 2 ** attempt)))
      }
    }
  }
  await Promise.all(Array.from({ length: 200 }, withRetry))
  expect((await get('counter')).n).toBe(200)
})

test('strict mode: where() inside a transaction is rejected loudly', async () => {
  const err = await db
    .runTransaction(async (tx: Tx) => {
      await tx.collection('acc').where({ v: 1 }).get()
    })
    .catch((e: Error) => e)
  expect(err).toMatchObject({ errMsg: expect.stringContaining('[local cloud strict mode] where().get() on collection "acc"') })
  expect(err.errMsg).toContain('use doc(id) operations in transactions')
})
