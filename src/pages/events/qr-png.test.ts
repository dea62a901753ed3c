import jsQR from 'jsqr'
import { formatCode, normalizeCode, qrPayload } from '@core/gifts'
import { base64, qrDataUrl, qrMatrix, qrPng } from './qr-png'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pngjs ships no types
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }

/** Decode a data URL the way a scanner would: PNG → RGBA → jsQR. */
function decode(url: string): string | null {
  const png = PNG.sync.read(Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

describe('qr-png', () => {
  it('a redemption payload round-trips through the PNG and a QR decoder', () => {
    for (const code of ['ABCD2345', 'ZZZZ9999', '23456789']) {
      const text = qrPayload(code)
      const got = decode(qrDataUrl(text))
      expect(got).toBe(text)
      expect(normalizeCode(got!)).toBe(code)
    }
    expect(formatCode('ABCD2345')).toBe('ABCD-2345')
  })
  it('the payload stays in the alphanumeric mode (no TextEncoder needed) and makes a small image', () => {
    expect(qrPayload('ABCD2345')).toMatch(/^[0-9A-Z $%*+\-./:]+$/)
    const m = qrMatrix(qrPayload('ABCD2345'))
    expect(m.length).toBe(21) // version 1
    const png = qrPng(m, 8)
    expect(png.length).toBeLessThan(8000)
    expect(PNG.sync.read(Buffer.from(png)).width).toBe((21 + 8) * 8)
  })
  it('base64 matches Node for every tail length', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255)
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })
})
