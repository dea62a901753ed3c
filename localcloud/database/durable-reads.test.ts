import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DatabaseActions } from './actions'
import { Store } from './store'
import { Transactions } from './transactions'

/**
 * A commit is applied in memory before its journal record is synced. A request that saw it must
 * not be answered before the sync: otherwise a reader could act on a write that kill -9 then
 * takes back (its writer was never acknowledged). Real store on a temp folder, real fsync.
 */
let dir: string
let store: Store
let actions: DatabaseActions

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-durable-reads-'))
  store = new Store(dir)
  store.open()
  await store.commit([], [{ k: 'create', c: 'c' }])
  actions = new DatabaseActions(store, new Transactions(store), { strict: true, log: () => undefined, onCreate: () => undefined })
})
afterEach(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const getDoc = (id: string) => actions.handle('database.getDocument', { action: 'database.getDocument', collectionName: 'c', queryType: 'DOC', query: JSON.stringify({ _id: id }) })
const count = () => actions.handle('database.calculateDocument', { action: 'database.calculateDocument', collectionName: 'c', queryType: 'WHERE', query: '{}' })

test('a read that sees a not yet durable write is answered only after the write is acknowledged', async () => {
  const order: string[] = []
  const write = store.commit([{ c: 'c', id: 'x', doc: { _id: 'x', v: 1 } }]).then(() => order.push('write durable'))
  const read = getDoc('x').then((r) => order.push(`read ${JSON.stringify(r)}`))
  const counted = count().then((r) => order.push(`count ${JSON.stringify(r)}`))
  await Promise.all([write, read, counted])
  expect(order).toEqual(['write durable', 'read {"data":{"list":["{\\"_id\\":\\"x\\",\\"v\\":1}"]}}', 'count {"data":{"total":1}}'])
})

test('a transaction started on a not yet durable write waits the same way', async () => {
  const order: string[] = []
  const write = store.commit([{ c: 'c', id: 'y', doc: { _id: 'y', v: 2 } }]).then(() => order.push('write durable'))
  const started = actions.handle('database.startTransaction', { action: 'database.startTransaction' }).then(() => order.push('started'))
  await Promise.all([write, started])
  expect(order).toEqual(['write durable', 'started'])
})

test('reads of durable data do not wait for writes that come after them', async () => {
  await store.commit([{ c: 'c', id: 'z', doc: { _id: 'z', v: 1 } }])
  const order: string[] = []
  const read = getDoc('z').then(() => order.push('read'))
  const write = store.commit([{ c: 'c', id: 'w', doc: { _id: 'w', v: 1 } }]).then(() => order.push('later write durable'))
  await Promise.all([read, write])
  expect(order).toEqual(['read', 'later write durable'])
})
