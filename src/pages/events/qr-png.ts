/**
 * A QR code as a PNG data URL, made on the phone with no canvas and no network, so the same code
 * runs in H5 (<img>) and weapp (<image> takes base64 data URLs). The matrix comes from the
 * `qrcode` package's core; the PNG is 1-bit grayscale with stored (uncompressed) deflate blocks,
 * which every decoder reads and which needs no zlib (weapp has none). ~7 KB for a 21×21 code.
 *
 * Keep the text to QR alphanumeric characters (0-9 A-Z space $%*+-./:): then the encoder never
 * takes its byte mode, which needs TextEncoder (missing in some weapp runtimes).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the core only: no canvas/fs renderers in the bundle
const { create } = require('qrcode/lib/core/qrcode') as { create(text: string, o: { errorCorrectionLevel: string }): { modules: { size: number; get(r: number, c: number): number | boolean } } }

const QUIET = 4 // modules of white border the standard asks for

/** The dark/light modules of `text` (true = dark). */
export function qrMatrix(text: string): boolean[][] {
  const m = create(text, { errorCorrectionLevel: 'M' }).modules
  return Array.from({ length: m.size }, (_, r) => Array.from({ length: m.size }, (_x, c) => !!m.get(r, c)))
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (const x of bytes) {
    a = (a + x) % 65521
    b = (b + a) % 65521
  }
  return ((b << 16) | a) >>> 0
}

const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]

function chunk(type: string, data: Uint8Array): number[] {
  const body = new Uint8Array(4 + data.length)
  for (let i = 0; i < 4; i++) body[i] = type.charCodeAt(i)
  body.set(data, 4)
  return [...u32(data.length), ...body, ...u32(crc32(body))]
}

/** zlib stream of stored deflate blocks (≤ 65535 bytes each). */
function zlibStored(raw: Uint8Array): Uint8Array {
  const out: number[] = [0x78, 0x01]
  for (let i = 0; i === 0 || i < raw.length; i += 65535) {
    const part = raw.subarray(i, i + 65535)
    const last = i + 65535 >= raw.length ? 1 : 0
    out.push(last, part.length & 255, part.length >>> 8, ~part.length & 255, (~part.length >>> 8) & 255, ...part)
  }
  out.push(...u32(adler32(raw)))
  return Uint8Array.from(out)
}

/** PNG bytes of the matrix, `scale` pixels per module, with the quiet zone. */
export function qrPng(matrix: boolean[][], scale = 8): Uint8Array {
  const side = (matrix.length + 2 * QUIET) * scale
  const rowBytes = Math.ceil(side / 8)
  const raw = new Uint8Array((rowBytes + 1) * side) // filter byte 0 + packed bits; 1 = white
  for (let y = 0; y < side; y++) {
    const r = Math.floor(y / scale) - QUIET
    for (let x = 0; x < side; x++) {
      const c = Math.floor(x / scale) - QUIET
      const dark = r >= 0 && c >= 0 && r < matrix.length && c < matrix.length && matrix[r][c]
      if (!dark) raw[y * (rowBytes + 1) + 1 + (x >> 3)] |= 0x80 >> (x & 7)
    }
  }
  const ihdr = Uint8Array.from([...u32(side), ...u32(side), 1, 0, 0, 0, 0]) // 1-bit grayscale
  const sig = [137, 80, 78, 71, 13, 10, 26, 10]
  return Uint8Array.from([...sig, ...chunk('IHDR', ihdr), ...chunk('IDAT', zlibStored(raw)), ...chunk('IEND', new Uint8Array(0))])
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 without btoa (weapp has none). */
export function base64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    s += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=')
  }
  return s
}

export const qrDataUrl = (text: string, scale = 8): string => `data:image/png;base64,${base64(qrPng(qrMatrix(text), scale))}`
