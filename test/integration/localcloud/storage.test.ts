/** Storage through the real wx-server-sdk: upload, temp URL over HTTP, download, delete. */
import fs from 'node:fs'
import path from 'node:path'
import type { LocalCloud } from '../../../localcloud'
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

let lc: DbCloud
let cloud: LocalCloud
let dataDir: string
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let sdk: any

beforeAll(async () => {
  lc = await startDbCloud()
  ;({ cloud, sdk, dataDir } = lc)
})

afterAll(() => lc?.stop())

test('round trip: upload, temp URL fetched over HTTP, download, delete', async () => {
  const content = Buffer.from('邻里帮 storage round trip ✓')
  const up = await sdk.uploadFile({ cloudPath: 'orders/图片 1.txt', fileContent: content })
  expect(up.fileID).toBe('cloud://local.6c6f-local-1250000000/orders/图片 1.txt')
  expect(fs.readFileSync(path.join(dataDir, 'storage', 'orders', '图片 1.txt'))).toEqual(content)

  const urls = await sdk.getTempFileURL({ fileList: [up.fileID, 'cloud://local.6c6f-local-1250000000/missing.txt'] })
  expect(urls.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0, errMsg: 'ok' })
  expect(urls.fileList[0].tempFileURL.startsWith(`${cloud.url}/files/`)).toBe(true)
  expect(urls.fileList[1]).toMatchObject({ status: -503003, tempFileURL: '' })

  const res = await fetch(urls.fileList[0].tempFileURL)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  expect(Buffer.from(await res.arrayBuffer())).toEqual(content)
  // A tampered signature is refused.
  const forged = urls.fileList[0].tempFileURL.replace(/sign=[0-9a-f]{4}/, 'sign=0000')
  expect((await fetch(forged)).status).toBe(403)

  const down = await sdk.downloadFile({ fileID: up.fileID })
  expect(down.fileContent).toEqual(content)

  const del = await sdk.deleteFile({ fileList: [up.fileID, 'cloud://other.bucket/x.txt'] })
  expect(del.fileList).toEqual([
    { fileID: up.fileID, status: 0, errMsg: 'ok' },
    { fileID: 'cloud://other.bucket/x.txt', status: -503003, errMsg: 'storage file not exists' },
  ])
  expect(fs.existsSync(path.join(dataDir, 'storage', 'orders', '图片 1.txt'))).toBe(false)
  expect((await fetch(urls.fileList[0].tempFileURL)).status).toBe(404)
  const gone = await sdk.downloadFile({ fileID: up.fileID }).catch((e: unknown) => e)
  expect(gone).toBeInstanceOf(Error)
})

test('bad paths and bad uploads are refused, the server keeps serving', async () => {
  const escape = await sdk.uploadFile({ cloudPath: '../outside.txt', fileContent: Buffer.from('x') }).catch((e: unknown) => e)
  expect(escape).toBeInstanceOf(Error)
  expect(fs.existsSync(path.join(dataDir, 'outside.txt'))).toBe(false)
  const unsigned = await fetch(`${cloud.url}/files/6c6f-local-1250000000/a.txt`, { method: 'PUT', body: 'x' })
  expect(unsigned.status).toBe(403)
  expect(await unsigned.text()).toContain('<Code>SignatureDoesNotMatch</Code>')
  const ok = await sdk.uploadFile({ cloudPath: 'still/works.png', fileContent: Buffer.from([137, 80, 78, 71]) })
  expect(ok.fileID).toMatch(/still\/works\.png$/)
})
