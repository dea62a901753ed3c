/** Query and update commands through the real wx-server-sdk against a private local cloud. */
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let t: DbCloud
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any, _: any

beforeAll(async () => {
  t = await startDbCloud()
  db = t.db
  _ = db.command
})
afterAll(() => t?.stop())

const people = [
  { _id: 'p1', name: 'Alice', age: 30, city: 'Shanghai', tags: ['a', 'b'], addr: { zip: '200000', floor: 3 }, pets: [{ kind: 'cat', n: 2 }] },
  { _id: 'p2', name: 'bob', age: 25, city: 'Beijing', tags: ['b'], addr: { zip: '100000', floor: 12 }, pets: [] },
  { _id: 'p3', name: 'Carol', age: 41, city: 'Shanghai', tags: ['c', 'a', 'd'], addr: { zip: '200001', floor: 7 }, nick: null },
  { _id: 'p4', name: 'Dan', age: 25, city: 'Shenzhen', tags: [], addr: { zip: '518000', floor: 1 }, pets: [{ kind: 'dog', n: 1 }] },
]

async function ids(query: unknown): Promise<string[]> {
  const res = await db.collection('people').where(query).get()
  return res.data.map((d: { _id: string }) => d._id).sort()
}

describe('collections and documents', () => {
  beforeAll(async () => {
    await expect(db.createCollection('people')).resolves.toMatchObject({ errMsg: 'createCollection:ok' })
    for (const p of people) await db.collection('people').add({ data: p })
  })

  test('createCollection twice fails; listCollections answers', async () => {
    await expect(db.createCollection('people')).rejects.toMatchObject({ errMsg: expect.stringContaining('createCollection:fail') })
    await expect(db.createCollection('people')).rejects.toMatchObject({ errMsg: expect.stringContaining('Table exist') })
    const res = await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'database.listCollections' }) })
    const body = await res.json()
    expect(body.data.collections).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'people', count: 4 })]))
  })

  test('add returns a generated 32-hex _id; doc get returns the document; a missing doc is an error', async () => {
    const added = await db.collection('people').add({ data: { name: 'Eve', at: new Date(1000), when: db.serverDate() } })
    expect(added).toEqual({ _id: expect.stringMatching(/^[0-9a-f]{32}$/), errMsg: 'collection.add:ok' })
    const got = await db.collection('people').doc(added._id).get()
    expect(got.errMsg).toBe('document.get:ok')
    expect(got.data).toMatchObject({ _id: added._id, name: 'Eve', at: new Date(1000) })
    expect(got.data.when).toBeInstanceOf(Date)
    expect(Math.abs(got.data.when.getTime() - Date.now())).toBeLessThan(5000)
    await expect(db.collection('people').doc('missing').get()).rejects.toMatchObject({ errCode: -1, errMsg: 'document.get:fail document with _id missing does not exist' })
    await expect(db.collection('nope').get()).rejects.toMatchObject({ errCode: -502005 })
    await expect(db.collection('people').add({ data: { _id: 'p1', x: 1 } })).rejects.toMatchObject({ errMsg: expect.stringContaining('duplicate key') })
    expect((await db.collection('people').doc(added._id).remove()).stats).toEqual({ removed: 1 })
  })

  test('doc set / update / remove result shapes', async () => {
    const c = db.collection('people')
    expect(await c.doc('s1').set({ data: { v: 1, o: { a: 1, b: 2 } } })).toEqual({ _id: 's1', errMsg: 'document.set:ok', stats: { updated: 0, created: 1 } })
    expect(await c.doc('s1').set({ data: { v: 2 } })).toEqual({ _id: 's1', errMsg: 'document.set:ok', stats: { updated: 1, created: 0 } })
    expect((await c.doc('s1').get()).data).toEqual({ _id: 's1', v: 2 })
    // update merges nested objects by path (the SDK flattens { o: { a } } to 'o.a').
    expect(await c.doc('s1').update({ data: { o: { a: 5 }, w: 1 } })).toEqual({ stats: { updated: 1 }, errMsg: 'document.update:ok' })
    expect(await c.doc('nope').update({ data: { w: 1 } })).toEqual({ stats: { updated: 0 }, errMsg: 'document.update:ok' })
    expect((await c.doc('s1').get()).data).toEqual({ _id: 's1', v: 2, o: { a: 5 }, w: 1 })
    expect(await c.doc('s1').remove()).toEqual({ stats: { removed: 1 }, errMsg: 'document.remove:ok' })
    expect(await c.doc('s1').remove()).toEqual({ stats: { removed: 0 }, errMsg: 'document.remove:ok' })
  })

  test('query commands', async () => {
    expect(await ids({ age: 25 })).toEqual(['p2', 'p4'])
    expect(await ids({ age: _.eq(30) })).toEqual(['p1'])
    expect(await ids({ age: _.neq(25) })).toEqual(['p1', 'p3'])
    expect(await ids({ age: _.gt(25) })).toEqual(['p1', 'p3'])
    expect(await ids({ age: _.gte(30) })).toEqual(['p1', 'p3'])
    expect(await ids({ age: _.lt(30) })).toEqual(['p2', 'p4'])
    expect(await ids({ age: _.lte(30) })).toEqual(['p1', 'p2', 'p4'])
    expect(await ids({ city: _.in(['Beijing', 'Shenzhen']) })).toEqual(['p2', 'p4'])
    expect(await ids({ city: _.nin(['Beijing', 'Shenzhen']) })).toEqual(['p1', 'p3'])
    expect(await ids({ age: _.gt(20).and(_.lt(30)) })).toEqual(['p2', 'p4'])
    expect(await ids(_.and([{ age: _.gt(20) }, { city: 'Shanghai' }]))).toEqual(['p1', 'p3'])
    expect(await ids(_.or([{ age: 41 }, { city: 'Beijing' }]))).toEqual(['p2', 'p3'])
    expect(await ids({ age: _.lt(26).or(_.gt(40)) })).toEqual(['p2', 'p3', 'p4'])
    expect(await ids(_.nor([{ age: 25 }, { city: 'Shanghai' }]))).toEqual([])
    expect(await ids({ age: _.not(_.gt(26)) })).toEqual(['p2', 'p4'])
    expect(await ids({ pets: _.exists(false) })).toEqual(['p3'])
    expect(await ids({ nick: _.exists(true) })).toEqual(['p3'])
    expect(await ids({ nick: null })).toEqual(['p1', 'p2', 'p3', 'p4'])
    expect(await ids({ age: _.mod([10, 5]) })).toEqual(['p2', 'p4'])
    expect(await ids({ tags: _.size(3) })).toEqual(['p3'])
    expect(await ids({ tags: _.all(['a', 'b']) })).toEqual(['p1'])
    expect(await ids({ tags: 'a' })).toEqual(['p1', 'p3'])
    expect(await ids({ pets: _.elemMatch({ kind: 'dog', n: _.gte(1) }) })).toEqual(['p4'])
    expect(await ids({ 'addr.floor': _.gt(5) })).toEqual(['p2', 'p3'])
    expect(await ids({ addr: { zip: '200000' } })).toEqual(['p1'])
    expect(await ids({ 'pets.kind': 'cat' })).toEqual(['p1'])
    expect(await ids({ name: /^[a-c]/i })).toEqual(['p1', 'p2', 'p3'])
    expect(await ids({ name: db.RegExp({ regexp: '^b', options: '' }) })).toEqual(['p2'])
    // expr: an aggregation expression over the document's own fields.
    expect(await ids(_.expr(_.aggregate.gt(['$addr.floor', '$age'])))).toEqual([])
    expect(await ids(_.expr(_.aggregate.lt(['$addr.floor', 5])))).toEqual(['p1', 'p4'])
    expect(await ids(_.and([{ city: 'Shanghai' }, _.expr(_.aggregate.gt([_.aggregate.size('$tags'), 2]))]))).toEqual(['p3'])
  })

  test('unsupported query commands are refused loudly, not ignored', async () => {
    for (const query of [_.jsonSchema({ required: ['name'] }), { loc: _.geoNear({ geometry: db.Geo.Point(121.4, 31.2), maxDistance: 1000 }) }]) {
      await expect(db.collection('people').where(query).get()).rejects.toMatchObject({ errCode: -501007, errMsg: expect.stringContaining('invalid query') })
    }
  })

  test('orderBy, skip, limit, field and count', async () => {
    const c = db.collection('people').where({ age: _.gte(0) })
    const byAge = await c.orderBy('age', 'desc').orderBy('name', 'asc').get()
    expect(byAge.data.map((d: { _id: string }) => d._id)).toEqual(['p3', 'p1', 'p4', 'p2'])
    const page = await c.orderBy('age', 'asc').orderBy('_id', 'asc').skip(1).limit(2).field({ name: true, age: true }).get()
    expect(page).toEqual({ data: [{ _id: 'p4', name: 'Dan', age: 25 }, { _id: 'p1', name: 'Alice', age: 30 }], errMsg: 'collection.get:ok' })
    const noAddr = await db.collection('people').doc('p2').field({ addr: false, pets: false, tags: false }).get()
    expect(noAddr.data).toEqual({ _id: 'p2', name: 'bob', age: 25, city: 'Beijing' })
    expect(await db.collection('people').where({ city: 'Shanghai' }).count()).toEqual({ total: 2, errMsg: 'collection.count:ok' })
  })

  test('where update and remove', async () => {
    await db.createCollection('bulk')
    for (let i = 0; i < 5; i++) await db.collection('bulk').add({ data: { _id: `b${i}`, i, even: i % 2 === 0 } })
    expect(await db.collection('bulk').where({ even: true }).update({ data: { tagged: true } })).toEqual({ stats: { updated: 3 }, errMsg: 'collection.update:ok' })
    expect((await db.collection('bulk').where({ tagged: true }).count()).total).toBe(3)
    expect(await db.collection('bulk').where({ i: _.lt(2) }).remove()).toEqual({ stats: { removed: 2 }, errMsg: 'collection.remove:ok' })
    expect((await db.collection('bulk').count()).total).toBe(3)
  })

  test('update commands, nested paths and serverDate', async () => {
    const c = db.collection('people')
    await c.doc('u').set({ data: { n: 5, m: 3, arr: [1, 2, 3, 4, 5], q: [1, 2], set: [1], gone: 1, old: 'x', lo: 5, hi: 5, deep: { a: { b: 1 } }, list: [{ k: 1 }, { k: 2 }] } })
    await c.doc('u').update({
      data: {
        n: _.inc(2), m: _.mul(4), gone: _.remove(), old: _.rename('renamed'), lo: _.min(3), hi: _.max(9),
        arr: _.pull(_.gt(3)), q: _.push([3, 4]), set: _.addToSet(1), 'deep.a.c': 2, added: _.set({ x: 1 }), at: db.serverDate({ offset: 60000 }),
      },
    })
    let d = (await c.doc('u').get()).data
    expect(d).toMatchObject({ n: 7, m: 12, renamed: 'x', lo: 3, hi: 9, arr: [1, 2, 3], q: [1, 2, 3, 4], set: [1], deep: { a: { b: 1, c: 2 } }, added: { x: 1 } })
    expect(d.gone).toBeUndefined()
    expect(d.old).toBeUndefined()
    expect(d.at.getTime() - Date.now()).toBeGreaterThan(50000)
    await c.doc('u').update({ data: { arr: _.pop(), q: _.shift(), set: _.addToSet({ $each: [2, 3] }) } })
    await c.doc('u').update({ data: { q: _.unshift([0]), arr: _.pullAll([1]), list: _.pull({ k: 1 }) } })
    await c.doc('u').update({ data: { 'list.0.k': 9, ordered: _.push({ each: [3, 1, 2], sort: 1, slice: 2 }), n: _.bit({ and: 6 }), m: _.bit({ or: 1 }) } })
    d = (await c.doc('u').get()).data
    expect(d).toMatchObject({ arr: [2], q: [0, 2, 3, 4], set: [1, 2, 3], list: [{ k: 9 }], ordered: [1, 2], n: 7 & 6, m: 12 | 1 })
    await expect(c.doc('u').update({ data: { n: _.inc('x') } })).rejects.toMatchObject({ errMsg: expect.stringContaining('document.update:fail') })
  })

  test('page sizes: where().get() returns 100 without limit, at most 1000', async () => {
    await db.createCollection('many')
    const docs = Array.from({ length: 1100 }, (_x, i) => ({ i }))
    for (let i = 0; i < docs.length; i += 100) {
      await fetch(`${t.cloud.url}/admin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'database.insertDocument', collectionName: 'many', data: docs.slice(i, i + 100).map((d) => JSON.stringify(d)) }),
      })
    }
    expect((await db.collection('many').count()).total).toBe(1100)
    expect((await db.collection('many').get()).data).toHaveLength(100)
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(1000)
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    expect((await db.collection('many').skip(1050).limit(100).get()).data).toHaveLength(50)
  })
})
