/**
 * The two protobuf messages of wx-server-sdk's open API wire (its src/protobuf/openapi.js),
 * read and written by hand: they are small and a full protobuf library would be a new dependency.
 *   CommApiData     { 1 apiType: int32, 2 openapiData: { 1 pairs: KeyValuePair[] }, 6 appid: string }
 *   KeyValuePair    { 1 key: string, 2 value: bytes, 3 contenttype: string, 4 filename: string }
 *   CommOpenApiResp { 1 respData: bytes, 2 contentType: string, 3 errorCode: int32, 4 httpCode: uint32 }
 */
export interface KeyValuePair {
  key: string
  value: Buffer
  contentType?: string
  filename?: string
}

export interface CommApiData {
  apiType: number
  pairs: KeyValuePair[]
  appid?: string
}

type Field = { no: number; varint?: number; bytes?: Buffer }

function* fields(buf: Buffer): Generator<Field> {
  let pos = 0
  const varint = (): number => {
    let result = 0
    let shift = 0
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated protobuf varint')
      const b = buf[pos++]
      result += (b & 0x7f) * 2 ** shift
      if (b < 0x80) return result
      shift += 7
      if (shift > 63) throw new Error('protobuf varint too long')
    }
  }
  while (pos < buf.length) {
    const tag = varint()
    const no = Math.floor(tag / 8)
    const wire = tag & 7
    if (wire === 0) yield { no, varint: varint() }
    else if (wire === 2) {
      const len = varint()
      if (pos + len > buf.length) throw new Error('truncated protobuf field')
      yield { no, bytes: buf.subarray(pos, pos + len) }
      pos += len
    } else if (wire === 1) pos += 8
    else if (wire === 5) pos += 4
    else throw new Error(`unsupported protobuf wire type ${wire}`)
  }
}

function decodePair(buf: Buffer): KeyValuePair {
  const pair: KeyValuePair = { key: '', value: Buffer.alloc(0) }
  for (const f of fields(buf)) {
    if (f.no === 1 && f.bytes) pair.key = f.bytes.toString('utf8')
    else if (f.no === 2 && f.bytes) pair.value = Buffer.from(f.bytes)
    else if (f.no === 3 && f.bytes) pair.contentType = f.bytes.toString('utf8')
    else if (f.no === 4 && f.bytes) pair.filename = f.bytes.toString('utf8')
  }
  return pair
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const msg: CommApiData = { apiType: 0, pairs: [] }
  for (const f of fields(buf)) {
    if (f.no === 1 && f.varint !== undefined) msg.apiType = f.varint
    else if (f.no === 2 && f.bytes) {
      for (const p of fields(f.bytes)) if (p.no === 1 && p.bytes) msg.pairs.push(decodePair(p.bytes))
    } else if (f.no === 6 && f.bytes) msg.appid = f.bytes.toString('utf8')
  }
  return msg
}

function varintBytes(n: number): Buffer {
  const out: number[] = []
  // int32 negatives go on the wire as 64-bit two's complement (10 bytes); BigInt keeps them exact.
  let v = n >= 0 ? BigInt(n) : (1n << 64n) + BigInt(n)
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80)
    v >>= 7n
  }
  out.push(Number(v))
  return Buffer.from(out)
}

const lenField = (no: number, bytes: Buffer) => Buffer.concat([varintBytes(no * 8 + 2), varintBytes(bytes.length), bytes])
const intField = (no: number, n: number) => Buffer.concat([varintBytes(no * 8), varintBytes(n)])

export function encodeCommOpenApiResp(r: { respData: Buffer; contentType: string; errorCode?: number; httpCode?: number }): Buffer {
  const parts = [lenField(1, r.respData), lenField(2, Buffer.from(r.contentType))]
  if (r.errorCode) parts.push(intField(3, r.errorCode))
  if (r.httpCode) parts.push(intField(4, r.httpCode))
  return Buffer.concat(parts)
}
