/** Aggregation stages through the real wx-server-sdk. */
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let t: DbCloud
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any, _: any, $: any

const orders = [
  { _id: 'o1', user: 'u1', status: 'done', amount: 10, items: ['rice', 'oil'], at: new Date('2024-01-01T00:00:00Z') },
  { _id: 'o2', user: 'u1', status: 'open', amount: 25, items: ['eggs'], at: new Date('2024-01-02T00:00:00Z') },
  { _id: 'o3', user: 'u2', status: 'done', amount: 40, items: [], at: new Date('2024-01-03T00:00:00Z') },
  { _id: 'o4', user: 'u3', status: 'done', amount: 5, items: ['tea'], at: new Date('2024-01-04T00:00:00Z') },
]

beforeAll(async () => {
  t = await startDbCloud()
  db = t.db
  _ = db.command
  $ = db.command.aggregate
  await db.createCollection('orders')
  await db.createCollection('users')
  await db.createCollection('nums')
  for (const o of orders) await db.collection('orders').add({ data: o })
  for (const u of [{ _id: 'u1', name: '王阿姨' }, { _id: 'u2', name: '李师傅' }]) await db.collection('users').add({ data: u })
  for (let i = 0; i < 30; i++) await db.collection('nums').add({ data: { i } })
})
afterAll(() => t?.stop())

const agg = () => db.collection('orders').aggregate()

test('match + group + sort, result shape', async () => {
  const res = await agg().match({ status: 'done' }).group({ _id: '$user', total: $.sum('$amount'), n: $.sum(1) }).sort({ total: -1 }).end()
  expect(res).toEqual({
    list: [
      { _id: 'u2', total: 40, n: 1 },
      { _id: 'u1', total: 10, n: 1 },
      { _id: 'u3', total: 5, n: 1 },
    ],
    errMsg: 'collection.aggregate:ok',
  })
})

test('lookup + unwind + project + replaceRoot', async () => {
  const res = await agg()
    .match({ amount: _.gte(10) })
    .lookup({ from: 'users', localField: 'user', foreignField: '_id', as: 'buyer' })
    .unwind('$buyer')
    .project({ _id: 0, id: '$_id', name: '$buyer.name', amount: 1 })
    .sort({ id: 1 })
    .end()
  expect(res.list).toEqual([
    { id: 'o1', name: '王阿姨', amount: 10 },
    { id: 'o2', name: '王阿姨', amount: 25 },
    { id: 'o3', name: '李师傅', amount: 40 },
  ])
  const roots = await agg().match({ _id: 'o1' }).replaceRoot({ newRoot: { u: '$user', a: '$amount' } }).end()
  expect(roots.list).toEqual([{ u: 'u1', a: 10 }])
})

test('unwind items, addFields, count, skip, limit', async () => {
  const items = await agg().unwind('$items').addFields({ big: $.gt(['$amount', 20]) }).sort({ items: 1 }).project({ _id: 0, items: 1, big: 1 }).end()
  expect(items.list).toEqual([
    { items: 'eggs', big: true },
    { items: 'oil', big: false },
    { items: 'rice', big: false },
    { items: 'tea', big: false },
  ])
  expect((await agg().match({ status: 'done' }).count('n').end()).list).toEqual([{ n: 3 }])
  const page = await agg().sort({ amount: 1 }).skip(1).limit(2).project({ amount: 1 }).end()
  expect(page.list).toEqual([{ _id: 'o1', amount: 10 }, { _id: 'o2', amount: 25 }])
})

test('bucket, sortByCount, sample, date operators', async () => {
  const buckets = await agg().bucket({ groupBy: '$amount', boundaries: [0, 20, 50], default: 'other', output: { n: $.sum(1) } }).end()
  expect(buckets.list).toEqual([{ _id: 0, n: 2 }, { _id: 20, n: 2 }])
  const byStatus = await agg().sortByCount('$status').end()
  expect(byStatus.list).toEqual([{ _id: 'done', count: 3 }, { _id: 'open', count: 1 }])
  const sample = await agg().sample({ size: 2 }).end()
  expect(sample.list).toHaveLength(2)
  const days = await agg().match({ _id: 'o2' }).project({ _id: 0, day: $.dayOfMonth('$at') }).end()
  expect(days.list).toEqual([{ day: 2 }])
})

test('an aggregation without limit returns 20 results, as in the cloud', async () => {
  expect((await db.collection('nums').aggregate().sort({ i: 1 }).end()).list).toHaveLength(20)
  expect((await db.collection('nums').aggregate().sort({ i: 1 }).limit(30).end()).list).toHaveLength(30)
})

test('bad pipeline is an error, not a crash', async () => {
  await expect(agg().group({ _id: '$user', x: { $nosuch: 1 } }).end()).rejects.toMatchObject({ errMsg: expect.stringContaining('collection.aggregate:fail') })
  expect((await agg().count('n').end()).list).toEqual([{ n: 4 }])
})
