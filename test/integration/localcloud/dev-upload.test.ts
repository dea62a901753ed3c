/** `POST /dev/upload` (the H5 build's uploadFile): the file lands in storage and the real SDK gives a working temp URL. */
import type { LocalCloud } from '../../../localcloud'
import type { StorageService } from '../../../localcloud/storage'
import { DEV_UPLOAD_MAX } from '../../../localcloud/dev/upload'
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let lc: DbCloud
let cloud: LocalCloud
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let sdk: any

beforeAll(async () => {
  lc = await startDbCloud({ devEntry: true })
  ;({ cloud, sdk } = lc)
})
afterAll(() => lc?.stop())

const upload = async (body: unknown, origin?: string) => {
  const res = await fetch(`${cloud.url}/dev/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as { fileID?: string; errCode?: number; errMsg?: string } }
}

test('an uploaded photo gets a cloud file id whose temp URL serves the same bytes', async () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex')
  const up = await upload({ cloudPath: 'orders/u1/水管.png', base64: png.toString('base64') }, 'http://127.0.0.1:10086')
  expect(up.status).toBe(200)
  expect(up.body.fileID).toBe('cloud://local.6c6f-local-1250000000/orders/u1/水管.png')
  const urls = await sdk.getTempFileURL({ fileList: [up.body.fileID] })
  const res = await fetch(urls.fileList[0].tempFileURL)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/png')
  expect(Buffer.from(await res.arrayBuffer())).toEqual(png)
})

test('bad uploads are refused with the dev entry error shape, nothing written', async () => {
  const before = cloud.service<StorageService>('storage').files.list().length
  for (const bad of [
    { cloudPath: '../escape.png', base64: 'AAAA' },
    { cloudPath: '/abs.png', base64: 'AAAA' },
    { cloudPath: 'orders/x.png', base64: '' },
    { cloudPath: 'orders/x.png', base64: 'not base64!' },
    { base64: 'AAAA' },
    'not json',
  ]) {
    const r = await upload(bad)
    expect(r.status).toBe(400)
    expect(r.body).toMatchObject({ errCode: -501007, errMsg: expect.stringContaining('invalid parameters') })
  }
  const big = Buffer.alloc(DEV_UPLOAD_MAX + 1, 1).toString('base64')
  expect((await upload({ cloudPath: 'orders/big.png', base64: big })).status).toBe(400)
  expect(cloud.service<StorageService>('storage').files.list().length).toBe(before)
  expect((await fetch(`${cloud.url}/dev/upload`)).status).toBe(405)
  expect((await upload({ cloudPath: 'orders/y.png', base64: 'AAAA' }, 'https://evil.example')).status).toBe(403)
})
