/** Open API through the real wx-server-sdk (multipart protobuf wire), from inside a function. */
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import type { LocalCloud } from '../../../localcloud'
import type { FunctionsService } from '../../../localcloud/functions'
import type { OpenApiService, OutboxEntry } from '../../../localcloud/openapi'
import { RISKY_IMAGE_MARK } from '../../../localcloud/openapi/apis'
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pngjs ships no types
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }

let lc: DbCloud
let cloud: LocalCloud
let functions: FunctionsService
let openapi: OpenApiService

beforeAll(async () => {
  lc = await startDbCloud({ functionsDir: path.resolve(__dirname, '../../fixtures/functions') })
  cloud = lc.cloud
  functions = cloud.service<FunctionsService>('functions')
  openapi = cloud.service<OpenApiService>('openapi')
})

afterAll(() => lc?.stop())

const call = async (api: string, params: unknown, openid = 'o-user-1', media?: Buffer) => {
  const o = await functions.invoke('openapi', { api, params, mediaBase64: media?.toString('base64') }, { openid, source: 'wx_client' })
  if (!o.ok) throw new Error(o.message)
  return o.result as { ok: boolean; res?: Record<string, unknown>; errCode?: number; errMsg?: string; contentType?: string; base64?: string }
}
const last = (): OutboxEntry => openapi.outbox().at(-1)!

test('subscribeMessage.send is accepted and recorded with its parameters and caller', async () => {
  const params = { touser: 'o-helper', templateId: 'TPL_ORDER_TAKEN', page: 'pages/order/detail?id=1', data: { thing1: { value: '买菜' }, time2: { value: '2026-05-01 10:00' } }, miniprogramState: 'developer' }
  const r = await call('subscribeMessage.send', params)
  expect(r).toMatchObject({ ok: true, res: { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' } })
  expect(last()).toMatchObject({
    api: 'subscribeMessage.send',
    openid: 'o-user-1',
    data: { touser: 'o-helper', template_id: 'TPL_ORDER_TAKEN', page: 'pages/order/detail?id=1', data: { thing1: { value: '买菜' } }, miniprogram_state: 'developer' },
    result: { errcode: 0, errmsg: 'ok' },
  })
  const tooLong = await call('subscribeMessage.send', { ...params, data: { thing1: { value: '一二三四五六七八九十一二三四五六七八九十一' } } })
  expect(tooLong).toMatchObject({ ok: false, errCode: 47003 })
  expect(last().result).toMatchObject({ errcode: 47003 })
  const noUser = await call('subscribeMessage.send', { templateId: 'T', data: {} })
  expect(noUser).toMatchObject({ ok: false, errCode: 40003 })
})

test('security.msgSecCheck flags words of the local list (v1: 87014; v2: suggest risky)', async () => {
  expect(await call('security.msgSecCheck', { content: '帮忙取个快递，谢谢' })).toMatchObject({ ok: true, res: { errCode: 0 } })
  const risky = await call('security.msgSecCheck', { content: '出售冰毒' })
  expect(risky).toMatchObject({ ok: false, errCode: 87014 })
  expect(risky.errMsg).toContain('risky content')
  expect(last()).toMatchObject({ api: 'security.msgSecCheck', data: { content: '出售冰毒' }, result: { errcode: 87014, errmsg: 'risky content' } })
  const v2 = await call('security.msgSecCheck', { content: 'Buy COCAINE here', version: 2, scene: 2, openid: 'o-user-1' })
  expect(v2).toMatchObject({ ok: true, res: { errCode: 0, result: { suggest: 'risky', label: 20006 } } })
  const v2pass = await call('security.msgSecCheck', { content: '周六一起打扫楼道', version: 2, scene: 2, openid: 'o-user-1' })
  expect(v2pass).toMatchObject({ ok: true, res: { result: { suggest: 'pass', label: 100 } } })
})

test('security.imgSecCheck gets the image bytes: a marked image is risky (87014), one over 1 MB too large (40006)', async () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
  expect(await call('security.imgSecCheck', {}, 'o-user-1', png)).toMatchObject({ ok: true, res: { errCode: 0 } })
  expect(last()).toMatchObject({ api: 'security.imgSecCheck', data: { media: { filename: 'media.png', bytes: png.length } }, result: { errcode: 0 } })
  expect(JSON.stringify(last().data)).not.toContain('"type":"Buffer"')
  expect(await call('security.imgSecCheck', {}, 'o-user-1', Buffer.concat([png, Buffer.from(RISKY_IMAGE_MARK)]))).toMatchObject({ ok: false, errCode: 87014 })
  expect(await call('security.imgSecCheck', {}, 'o-user-1', Buffer.alloc(1024 * 1024 + 1, 1))).toMatchObject({ ok: false, errCode: 40006 })
  expect(await call('security.imgSecCheck', {})).toMatchObject({ ok: false, errCode: 41005 })
})

test('wxacode.getUnlimited returns a PNG QR code that decodes to the scene', async () => {
  const r = await call('wxacode.getUnlimited', { scene: 'order=42&c=7', page: 'pages/order/detail', width: 300 })
  expect(r.ok).toBe(true)
  expect(r.contentType).toBe('image/png')
  const png = PNG.sync.read(Buffer.from(r.base64!, 'base64'))
  expect(png.width).toBeGreaterThanOrEqual(280)
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(decoded?.data).toBe('order=42&c=7')
  expect(last()).toMatchObject({ api: 'wxacode.getUnlimited', data: { scene: 'order=42&c=7', page: 'pages/order/detail' }, result: { errcode: 0, contentType: 'image/png' } })
  const bad = await call('wxacode.getUnlimited', { scene: 'x'.repeat(33) })
  expect(bad).toMatchObject({ ok: false, errCode: 40169 })
})

test('an API the local cloud does not imitate is reported as not found, and recorded', async () => {
  const r = await call('customerServiceMessage.send', { touser: 'o', msgtype: 'text' })
  expect(r).toMatchObject({ ok: false, errCode: -604100 })
  expect(last()).toMatchObject({ api: 'customerServiceMessage.send', result: { errorCode: -604100 } })
})

test('the outbox is served over HTTP and persisted as JSON lines', async () => {
  const res = await fetch(`${cloud.url}/outbox?api=subscribeMessage.send`)
  const body = (await res.json()) as { list: OutboxEntry[] }
  expect(body.list.length).toBe(3)
  expect(body.list.every((e) => e.api === 'subscribeMessage.send')).toBe(true)
  const lines = fs.readFileSync(path.join(lc.dataDir, 'outbox.jsonl'), 'utf8').trim().split('\n')
  expect(lines.length).toBe(openapi.outbox().length)
  expect(JSON.parse(lines[0])).toEqual(openapi.outbox()[0])
})

test('malformed open API requests get the cloud error shape and the server keeps serving', async () => {
  const form = new FormData()
  form.append('action', 'wx.openApi')
  form.append('apiName', 'security.msgSecCheck')
  form.append('requestData', new Blob([Buffer.from([0x12, 0xff, 0xff])]))
  const res = await fetch(`${cloud.url}/admin`, { method: 'POST', body: form })
  expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' })
  const res2 = await fetch(`${cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'garbage' })
  expect(await res2.json()).toMatchObject({ code: 'INVALID_PARAM' })
  expect(await call('security.msgSecCheck', { content: 'still fine' })).toMatchObject({ ok: true })
})
