/**
 * Payload generators for fuzzing any registered action (core/registry.ts):
 * - garbage: anything at all, Mongo-operator injections, huge and deep values, prototype keys;
 * - shaped: derived from the action's input JSON schema (z.toJSONSchema), with known demo ids mixed
 *   into strings so handlers get past "not found", and a random node swapped for garbage now and then.
 * A feature gets fuzzed by registering its contract; nothing here names an action.
 */
import fc from 'fast-check'
import * as z from 'zod'
import type { ActionContract } from '../../core/contract/define'
import { DEMO_BUILDINGS, DEMO_GRIDS, DEMO_PEOPLE } from '../../core/demo/community'

type Schema = {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  minimum?: number
  maximum?: number
}

const KNOWN_IDS = [
  ...DEMO_GRIDS.map((g) => g.id),
  ...DEMO_BUILDINGS.map((b) => b.id),
  'b1-1',
  'b3-2',
  ...DEMO_PEOPLE.slice(0, 6).map((p) => p.openid),
]

const injections = fc.constantFrom<unknown>(
  { $ne: null },
  { $gt: '' },
  { $where: 'sleep(1000)' },
  { $regex: '.*' },
  { _id: { $exists: true } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  'x'.repeat(100_000),
  '\u0000\ud800<script>alert(1)</script>',
  Array.from({ length: 2000 }, (_, i) => i),
  JSON.parse('['.repeat(200) + ']'.repeat(200)),
  -0,
  Number.MAX_SAFE_INTEGER,
  1e308,
)

/** Characters people cannot see or that break text (controls, bidi, fillers), mixed with ordinary ones. */
export const hostileChar = fc.oneof(
  fc.constantFrom('\u0000', '\u001b', '\r', '\n', '\t', '\u0085', '\u200b', '\u200d', '\u202e', '\u2066', '\u2800', '\u3164', '\ufeff', '\ud800', '\u00ad'),
  fc.constantFrom('王', '李', 'a', ' ', '=', '"', ',', '-'),
)

/** What must never be stored in a string: controls other than line break and tab, format and invisible characters. */
export const STORED_FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u

export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true }) },
  { weight: 2, arbitrary: injections },
  { weight: 2, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), injections, { maxKeys: 4 }) },
)

function typed(s: Schema, depth: number): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const alts = s.anyOf ?? s.oneOf
  if (alts) return fc.oneof(...alts.map((a) => shaped(a, depth + 1)))
  const type = Array.isArray(s.type) ? s.type[0] : s.type
  switch (type) {
    case 'string': {
      const size = { minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 60) }
      return fc.oneof(fc.constantFrom(...KNOWN_IDS), fc.string(size), fc.string({ ...size, unit: hostileChar }), fc.constant('13812345678'))
    }
    case 'integer':
    case 'number': {
      const min = s.minimum ?? -1000
      const max = s.maximum ?? 1000
      return type === 'integer' ? fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }) : fc.double({ min, max, noNaN: true })
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(s.items ? shaped(s.items, depth + 1) : fc.anything(), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) })
    case 'object': {
      const props = Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, shaped(v, depth + 1)]))
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k) => k in props) })
    }
    default:
      return fc.anything({ maxDepth: 2 })
  }
}

/** Mostly well-typed, sometimes garbage at any node. */
function shaped(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null)
  return fc.oneof({ weight: 9, arbitrary: typed(s, depth) }, { weight: 1, arbitrary: garbage })
}

export function shapedPayload(c: ActionContract): fc.Arbitrary<unknown> {
  return shaped(z.toJSONSchema(c.input, { io: 'input', unrepresentable: 'any' }) as Schema)
}

/** What the wire delivers (JSON drops undefined, turns NaN into null …). Missing data reads as {}. */
export function asSent(payload: unknown): unknown {
  return payload === undefined ? {} : JSON.parse(JSON.stringify(payload) ?? 'null')
}

/** Payloads the contract itself rejects: the only ones a "no write" rule can apply to. */
export function isInvalid(c: ActionContract, payload: unknown): boolean {
  return !c.input.safeParse(asSent(payload)).success
}

/** Fixed by default so CI is repeatable; set FUZZ_SEED=random (or a number) to explore. */
export const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 1e9 : Number(process.env.FUZZ_SEED || 20261125)

export function samples<T>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] {
  return fc.sample(arb, { numRuns: n, seed: FUZZ_SEED + salt })
}

/** Run `fn` over items (with each item's index) with at most `width` in flight. */
export async function inBatches<T, R>(items: T[], width: number, fn: (x: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((x, k) => fn(x, i + k)))))
  return out
}

/** A result is structured when it is `{ok:true,data}` or `{ok:false,error:{code,message}}` with strings. */
export function isStructured(r: unknown): boolean {
  if (!r || typeof r !== 'object') return false
  const o = r as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
  if (o.ok === true) return 'data' in o
  return o.ok === false && typeof o.error?.code === 'string' && typeof o.error?.message === 'string' && o.error.message.length > 0
}
