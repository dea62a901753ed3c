/** Photos in the H5 build: a real PNG given to the file chooser, and whether shown photos loaded. */
import zlib from 'node:zlib'
import type { Page } from 'playwright-core'
import { byTestId } from './app'

/** A real 8×8 red PNG (decodable, so an <img> of it has a natural size). */
export function redPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(8, 0)
  ihdr.writeUInt32BE(8, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array.from({ length: 8 }, () => [200, 16, 46]).flat()])))
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))])
}

/** Tap ＋照片 (→ 从相册选择 when asked) → the file chooser gets the PNG. */
export async function attachPhoto(page: Page, pickerId: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await byTestId(page, `${pickerId}-add`).click()
  // with a mobile user agent Taro first asks 拍摄 / 从相册选择; otherwise the chooser opens at once
  const sheet = page.getByText('从相册选择', { exact: true })
  const sheetShown = sheet.waitFor({ timeout: 5000 }).then(() => 'sheet' as const).catch(() => 'none' as const)
  if ((await Promise.race([chooser.then(() => 'chooser' as const), sheetShown])) === 'sheet') await sheet.click()
  await (await chooser).setFiles({ name: 'pipe.png', mimeType: 'image/png', buffer: redPng() })
  await page.waitForFunction((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-count') === '1', pickerId)
}

/** The shown photos have loaded (natural size known), i.e. their temp URLs work. */
export const loadedPhotos = (page: Page, testId: string) =>
  byTestId(page, testId)
    .locator('img')
    .evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length)
