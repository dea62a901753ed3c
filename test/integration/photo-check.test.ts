/**
 * Photos pass WeChat's image check (security.imgSecCheck through the real SDK and the local cloud's
 * imitation) before an order keeps them: a risky one is refused at its place in the form and deleted
 * from storage, one too large to check is refused, a clean one goes through.
 */
import { orders } from '../../core/orders/contract'
import { RISKY_IMAGE_MARK } from '../../localcloud/openapi/apis'
import { callAs, okAs, sdkCloud, testCloud } from '../support/call'
import { newOrder, P } from './orders-support'

const PNG = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001', 'hex')
const path = (name: string) => `orders/it/${Date.now()}-${name}.png`

async function upload(cloudPath: string, bytes: Buffer): Promise<string> {
  const res = await fetch(`${testCloud().url}/dev/upload`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cloudPath, base64: bytes.toString('base64') }) })
  return ((await res.json()) as { fileID: string }).fileID
}
const checks = async () => ((await (await fetch(`${testCloud().url}/outbox?api=security.imgSecCheck`)).json()) as { list: unknown[] }).list.length

test('a clean photo is checked and kept', async () => {
  const before = await checks()
  const clean = await upload(path('clean'), PNG)
  const o = await newOrder(P.wang, { photos: [clean] })
  expect((await okAs(P.wang, orders.get, { orderId: o._id })).photos).toEqual([clean])
  expect(await checks()).toBe(before + 1)
})

test('a risky photo is refused at its place and deleted; nothing is created', async () => {
  const clean = await upload(path('ok'), PNG)
  const risky = await upload(path('risky'), Buffer.concat([PNG, Buffer.from(RISKY_IMAGE_MARK)]))
  const before = await callAs(P.wang, orders.mine, { limit: 50, scope: 'all' })
  const r = await callAs(P.wang, orders.create, { category: 'repair_pipe', description: '厨房漏水了', photos: [clean, risky] })
  expect(r).toMatchObject({ ok: false, error: { code: 'PHOTO_RISKY', message: '有照片不合适，请换一张', details: [{ path: 'photos.1', message: '第2张照片不合适，请换一张' }] } })
  const after = await callAs(P.wang, orders.mine, { limit: 50, scope: 'all' })
  expect(after).toEqual(before)
  // deleted: nobody is ever shown it
  const { fileList } = await sdkCloud().getTempFileURL({ fileList: [risky, clean] })
  const [gone, kept] = fileList as { tempFileURL: string }[]
  expect(gone.tempFileURL).toBe('')
  expect(kept.tempFileURL).toMatch(/^http:\/\/127\.0\.0\.1:/)
})

test('a photo too large to check is refused with a plain word', async () => {
  const big = await upload(path('big'), Buffer.concat([PNG, Buffer.alloc(1024 * 1024, 7)]))
  const r = await callAs(P.wang, orders.create, { category: 'repair_pipe', description: '厨房漏水了', photos: [big] })
  expect(r).toMatchObject({ ok: false, error: { code: 'PHOTO_TOO_BIG', details: [{ path: 'photos.0', message: '第1张照片太大了，请换一张或重新拍' }] } })
})
