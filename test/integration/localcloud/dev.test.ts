/**
 * Dev entry over HTTP (call a function as a chosen user), its CORS rule, loopback binding, and
 * malformed requests to the function / storage wire: the cloud's error shape, never a crash.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../../localcloud'

const FIXTURES = path.resolve(__dirname, '../../fixtures/functions')
let cloud: LocalCloud
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-dev-'))
  cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: FIXTURES, devEntry: true, log: () => undefined })
})

afterAll(async () => {
  await cloud?.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const post = (p: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${cloud.url}${p}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
const admin = async (body: unknown) => (await post('/admin', JSON.stringify(body))).json() as Promise<Record<string, unknown>>

test('binds loopback only, health answers', async () => {
  expect(cloud.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  const res = await fetch(`${cloud.url}/dev/health`)
  expect(await res.json()).toEqual({ ok: true })
})

test('POST /dev/call runs a function as the chosen user', async () => {
  const res = await post('/dev/call', JSON.stringify({ name: 'echo', data: { action: 'ping', data: { n: 1 } }, openid: 'o-resident-1' }))
  expect(res.status).toBe(200)
  const body = (await res.json()) as { result: { event: Record<string, unknown>; context: Record<string, unknown> } }
  expect(body.result.event).toEqual({ action: 'ping', data: { n: 1 }, userInfo: { appId: 'wx0000000000000000', openId: 'o-resident-1' } })
  expect(body.result.context).toMatchObject({ OPENID: 'o-resident-1', APPID: 'wx0000000000000000', SOURCE: 'wx_client', CLIENTIP: '127.0.0.1' })
})

test('a function that throws comes back as { errCode, errMsg }', async () => {
  const res = await post('/dev/call', JSON.stringify({ name: 'thrower', data: { message: '没有权限' }, openid: 'o' }))
  expect(await res.json()).toEqual({ errCode: -504002, errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: 没有权限' })
  const missing = (await (await post('/dev/call', JSON.stringify({ name: 'nope', openid: 'o' }))).json()) as { errCode: number; errMsg: string }
  expect(missing.errCode).toBe(-501000)
  expect(missing.errMsg).toContain('ResourceNotFound.Function')
})

test('CORS: allowed for local origins only', async () => {
  for (const origin of ['http://127.0.0.1:10086', 'http://localhost:5173', 'http://localhost']) {
    const pre = await fetch(`${cloud.url}/dev/call`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin)
    const res = await post('/dev/call', JSON.stringify({ name: 'echo', openid: 'o' }), { origin })
    expect(res.headers.get('access-control-allow-origin')).toBe(origin)
  }
  for (const origin of ['http://evil.example', 'https://localhost:5173', 'http://127.0.0.1.evil.example:80', 'null']) {
    const res = await post('/dev/call', JSON.stringify({ name: 'echo', openid: 'o' }), { origin })
    expect(res.status).toBe(403)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  }
})

test('malformed dev calls get 400 with an errCode, and the entry keeps serving', async () => {
  const bad = ['not json', '[]', '{}', JSON.stringify({ name: 42 }), JSON.stringify({ name: 'echo', data: 'x' }), JSON.stringify({ name: 'echo', openid: 7 })]
  for (const body of bad) {
    const res = await post('/dev/call', body)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errCode: -501007, errMsg: expect.stringContaining('invalid parameters') })
  }
  expect((await fetch(`${cloud.url}/dev/call`)).status).toBe(405)
  expect((await post('/dev/call', JSON.stringify({ name: 'echo', openid: 'o' }))).status).toBe(200)
})

test('the dev entry is off unless enabled', async () => {
  const off = await startLocalCloud({ port: 0, dataDir: path.join(dataDir, 'off'), functionsDir: FIXTURES, log: () => undefined })
  try {
    expect((await fetch(`${off.url}/dev/health`)).status).toBe(404)
    expect((await fetch(`${off.url}/dev/call`, { method: 'POST', body: '{}' })).status).toBe(404)
  } finally {
    await off.stop()
  }
})

test('malformed function and storage wire requests get the cloud error shape; the hub keeps serving', async () => {
  expect(await admin({ action: 'functions.invokeFunction' })).toMatchObject({ code: 'INVALID_PARAM', requestId: expect.any(String) })
  expect(await admin({ action: 'functions.invokeFunction', function_name: 'echo', request_data: '{oops' })).toMatchObject({ code: 'INVALID_PARAM' })
  expect(await admin({ action: 'functions.deleteFunction', function_name: 'echo' })).toMatchObject({ code: 'INVALID_ACTION' })
  expect(await admin({ action: 'storage.getUploadMetadata', path: '/abs' })).toMatchObject({ code: 'INVALID_PARAM' })
  expect(await admin({ action: 'storage.getUploadMetadata' })).toMatchObject({ code: 'INVALID_PARAM' })
  expect(await admin({ action: 'storage.batchGetDownloadUrl', file_list: 'x' })).toMatchObject({ code: 'INVALID_PARAM' })
  expect(await admin({ action: 'storage.batchDeleteFile' })).toMatchObject({ code: 'INVALID_PARAM' })
  expect(await admin({ action: 'storage.copyFile' })).toMatchObject({ code: 'INVALID_ACTION' })
  const garbage = await post('/admin', '{"action": "functions.invokeFunction", ')
  expect(await garbage.json()).toMatchObject({ code: 'INVALID_PARAM' })
  expect((await fetch(`${cloud.url}/files/nobucket/x`)).status).toBe(404)
  expect((await fetch(`${cloud.url}/files/6c6f-local-1250000000/%E0%A4%A`)).status).toBe(400)
  const ok = await admin({ action: 'functions.invokeFunction', function_name: 'echo', request_data: '{"a":1}' })
  expect(JSON.parse((ok.data as { response_data: string }).response_data).event).toEqual({ a: 1 })
})
