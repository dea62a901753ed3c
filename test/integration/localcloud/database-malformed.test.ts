/** Malformed and unknown database requests get the cloud's error shape; the server keeps serving. */
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let t: DbCloud

beforeAll(async () => {
  t = await startDbCloud()
  await t.db.createCollection('m')
  await t.db.collection('m').doc('ok').set({ data: { v: 1 } })
})
afterAll(() => t?.stop())

async function post(body: string, contentType = 'application/json'): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': contentType }, body })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}
const action = (a: string, rest: Record<string, unknown> = {}) => post(JSON.stringify({ action: a, ...rest }))

test.each([
  ['not JSON', () => post('{"action": "database.getDocument", '), 'INVALID_PARAM'],
  ['no action', () => post('{"collectionName":"m"}'), 'INVALID_PARAM'],
  ['JSON array', () => post('[1,2]'), 'INVALID_PARAM'],
  ['unknown database action', () => action('database.dropEverything'), 'INVALID_ACTION'],
  ['unknown service action', () => action('nosuch.thing'), 'INVALID_ACTION'],
  ['missing collection name', () => action('database.getDocument', { queryType: 'WHERE', query: '{}' }), 'INVALID_PARAM'],
  ['collection name not a string', () => action('database.getDocument', { collectionName: 42 }), 'INVALID_PARAM'],
  ['missing collection', () => action('database.getDocument', { collectionName: 'zz', queryType: 'WHERE' }), 'DATABASE_COLLECTION_NOT_EXIST'],
  ['query not extended JSON', () => action('database.getDocument', { collectionName: 'm', queryType: 'WHERE', query: '{oops' }), 'INVALID_PARAM'],
  ['query not an object', () => action('database.getDocument', { collectionName: 'm', queryType: 'WHERE', query: '[1]' }), 'INVALID_PARAM'],
  ['unknown query operator', () => action('database.getDocument', { collectionName: 'm', queryType: 'WHERE', query: '{"v":{"$frobnicate":1}}' }), 'INVALID_PARAM'],
  ['bad regex', () => action('database.getDocument', { collectionName: 'm', queryType: 'WHERE', query: '{"v":{"$regularExpression":{"pattern":"(","options":""}}}' }), 'INVALID_PARAM'],
  ['doc query without _id', () => action('database.getDocument', { collectionName: 'm', queryType: 'DOC', query: '{"v":1}' }), 'INVALID_PARAM'],
  ['negative limit', () => action('database.getDocument', { collectionName: 'm', queryType: 'WHERE', query: '{}', limit: -5 }), 'INVALID_PARAM'],
  ['unknown update operator', () => action('database.modifyDocument', { collectionName: 'm', queryType: 'DOC', query: '{"_id":"ok"}', data: '{"$explode":{"v":1}}', merge: true }), 'INVALID_PARAM'],
  ['update of _id', () => action('database.modifyDocument', { collectionName: 'm', queryType: 'DOC', query: '{"_id":"ok"}', data: '{"$set":{"_id":"x"}}', merge: true }), 'INVALID_PARAM'],
  ['insert without data', () => action('database.insertDocument', { collectionName: 'm' }), 'INVALID_PARAM'],
  ['insert of a non-object', () => action('database.insertDocument', { collectionName: 'm', data: ['7'] }), 'INVALID_PARAM'],
  ['stages not an array', () => action('database.aggregateDocuments', { collectionName: 'm', stages: 'x' }), 'INVALID_PARAM'],
  ['unknown stage', () => action('database.aggregateDocuments', { collectionName: 'm', stages: [{ stageKey: '$teleport', stageValue: '{}' }] }), 'INVALID_PARAM'],
  ['unknown transaction', () => action('database.commitTransaction', { transactionId: 'nope' }), 'DATABASE_TRANSACTION_FAIL'],
  ['bad collection name', () => action('database.addCollection', { collectionName: '../etc' }), 'INVALID_PARAM'],
])('%s → error shape', async (_name, send, code) => {
  const { status, json } = await send()
  expect(status).toBe(200)
  expect(json).toEqual({ requestId: expect.any(String), code, message: expect.any(String) })
  expect(String(json.message).length).toBeGreaterThan(3)
})

test('the server still serves the SDK after all that', async () => {
  expect((await t.db.collection('m').doc('ok').get()).data).toEqual({ _id: 'ok', v: 1 })
  expect((await t.db.collection('m').count()).total).toBe(1)
  expect(t.logs.filter((l) => l.includes('[hub]'))).toEqual([])
})
