import { EJSON, BSONRegExp, ObjectId } from 'bson'
import { WireError } from '../errors'

/** A stored document: plain JSON-like values plus Date and RegExp. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>

/**
 * Turn values parsed from the SDK's extended JSON into plain JS: BSON regexes become RegExp,
 * ObjectIds become hex strings, and the SDK's server date marker
 * (`{ $tcb_server_date: { offset } }`) becomes the server's current time plus offset.
 */
export function revive(value: unknown, now: number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof RegExp) return value
  if (value instanceof BSONRegExp) return toRegExp(value.pattern, value.options)
  if (value instanceof ObjectId) return value.toHexString()
  if (Array.isArray(value)) return value.map((v) => revive(v, now))
  const obj = value as Doc
  const marker = obj.$tcb_server_date
  if (marker !== undefined && Object.keys(obj).length === 1) {
    return new Date(now + (Number(marker?.offset) || 0))
  }
  const out: Doc = {}
  for (const k of Object.keys(obj)) out[k] = revive(obj[k], now)
  return out
}

function toRegExp(pattern: string, options: string): RegExp {
  // Mongo options i, m, s and x; JS has no x (extended) flag, so it is dropped.
  const flags = [...new Set(options.split('').filter((f) => 'ims'.includes(f)))].join('')
  try {
    return new RegExp(pattern, flags)
  } catch (err) {
    throw new WireError('INVALID_PARAM', `invalid regular expression /${pattern}/: ${(err as Error).message}`)
  }
}

/** Parse one extended-JSON string from the wire (query, update, document, stage). */
export function decode(text: unknown, what: string, now = Date.now()): unknown {
  if (text === undefined || text === null || text === '') return undefined
  if (typeof text !== 'string') {
    // Raw HTTP callers may send objects; accept them as already-parsed JSON.
    if (typeof text === 'object') return revive(EJSON.deserialize(text as Doc, { relaxed: true }), now)
    throw new WireError('INVALID_PARAM', `${what} must be an extended JSON string`)
  }
  try {
    // Without a "$" there is no extended-JSON type and no server-date marker: plain JSON is the same.
    if (!text.includes('$')) return JSON.parse(text)
    return revive(EJSON.parse(text, { relaxed: true }), now)
  } catch (err) {
    if (err instanceof WireError) throw err
    throw new WireError('INVALID_PARAM', `invalid ${what}: ${(err as Error).message}`)
  }
}

export function decodeObject(text: unknown, what: string, now = Date.now()): Doc {
  const v = decode(text, what, now)
  if (v === undefined) return {}
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new WireError('INVALID_PARAM', `${what} must be an object`)
  return v as Doc
}

/** Encode a document for the wire and the journal (relaxed extended JSON: dates and regexes keep their type). */
export function encode(doc: unknown): string {
  return EJSON.stringify(doc as Doc, { relaxed: true })
}

/** Parse what `encode` wrote. */
export function decodeStored(text: string): unknown {
  return revive(EJSON.parse(text, { relaxed: true }), 0)
}

/**
 * Deep copy a stored value (documents are treated as immutable once stored). Not structuredClone:
 * that creates Dates of the main realm, which `instanceof Date` rejects inside jest's sandbox.
 */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v
  if (v instanceof Date) return new Date(v.getTime()) as T
  if (v instanceof RegExp) return new RegExp(v.source, v.flags) as T
  if (Array.isArray(v)) return v.map(clone) as T
  const out: Doc = {}
  for (const k of Object.keys(v)) out[k] = clone((v as Doc)[k])
  return out as T
}

let counter = Math.floor(Math.random() * 0xffffff)
/** 32 hex characters like the cloud's generated ids; time-ordered prefix, then a counter and randomness. */
export function newId(): string {
  counter = (counter + 1) & 0xffffff
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0')
  const rand = Array.from({ length: 3 }, () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')).join('')
  return `${time}${counter.toString(16).padStart(6, '0')}${rand.slice(0, 18)}`
}
