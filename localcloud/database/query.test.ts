import fc from 'fast-check'
import type { Doc } from './codec'
import { choosePlan } from './planner'
import { QueryEngine } from './query'
import { SortedIndex } from './sorted-index'
import { Collection } from './store'

/** Indexed queries must return exactly what a full scan returns (same filter, sort, skip, limit). */

// Arrays are rare so most collections have no loose documents and the streaming (early stop) path runs.
const value = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 3 }), weight: 6 },
  { arbitrary: fc.constantFrom('a', 'b', 'c'), weight: 4 },
  { arbitrary: fc.constantFrom(null, undefined, true, false), weight: 2 },
  { arbitrary: fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 2 }), weight: 1 },
)
const docArb = fc.record({ a: value, b: value, c: fc.integer({ min: 0, max: 5 }) })
const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b'), fc.constant(null))
const cond = fc.oneof(
  scalar,
  scalar.map((v) => ({ $eq: v })),
  fc.integer({ min: -3, max: 3 }).map((v) => ({ $gt: v })),
  fc.integer({ min: -3, max: 3 }).map((v) => ({ $lte: v })),
  fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 })).map(([x, y]) => ({ $gte: x, $lt: y })),
  fc.array(scalar, { minLength: 1, maxLength: 3 }).map((v) => ({ $in: v })),
  fc.constantFrom('a', 'b').map((v) => ({ $gt: v })),
)
const idCond = fc.oneof(fc.constantFrom('d001', 'd002', 'x'), fc.array(fc.constantFrom('d000', 'd003', 'd005', 'nope'), { maxLength: 3 }).map((v) => ({ $in: v })))
const filterArb = fc.record({ a: cond, b: cond, _id: idCond }, { requiredKeys: [] })
const sortArb = fc.oneof(
  fc.constant([] as [string, number][]),
  fc.constantFrom<[string, number][]>([['a', 1]], [['a', -1]], [['b', 1]], [['a', 1], ['b', 1]], [['a', -1], ['b', -1]], [['b', -1], ['c', 1]]),
)

function collection(docs: Doc[], withIndexes: boolean): Collection {
  const col = new Collection('t')
  docs.forEach((d, i) => {
    const doc: Doc = { _id: `d${String(i).padStart(3, '0')}`, ...d }
    for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k]
    col.docs.set(doc._id, { seq: 1, doc })
    col.live++
  })
  if (withIndexes) {
    for (const keys of [['a'], ['a', 'b'], ['b', 'c']]) {
      const ix = new SortedIndex({ name: keys.join('_'), keys: keys.map((field) => ({ field, direction: 1 as const })), unique: false })
      ix.build(col.liveDocs())
      col.indexes.push(ix)
    }
  }
  return col
}

// A total order on _id after the requested sort makes results comparable (MongoDB leaves ties unordered).
const withTieBreak = (sort: [string, number][]): [string, number][] => [...sort, ['_id', sort.at(-1)?.[1] ?? 1]]

test('index plans agree with full scans', () => {
  const engine = new QueryEngine(() => undefined)
  fc.assert(
    fc.property(fc.array(docArb, { maxLength: 30 }), filterArb, sortArb, fc.nat(5), fc.integer({ min: 1, max: 50 }), (docs, filter, sort, skip, limit) => {
      const opts = { sort: withTieBreak(sort), skip, limit }
      const plain = engine.find(collection(docs, false), filter, opts).map((d) => d._id)
      const indexed = engine.find(collection(docs, true), filter, opts).map((d) => d._id)
      expect(indexed).toEqual(plain)
    }),
    { numRuns: 600 },
  )
})

test('plans: equality + sort streams from the index; unusable conditions give no plan', () => {
  const col = collection([{ a: 1, b: 2 }], true)
  expect(choosePlan(col.indexes, { a: 1 }, [['b', -1]])).toMatchObject({ index: { fields: ['a', 'b'] }, order: 'rev', selective: true })
  expect(choosePlan(col.indexes, { b: { $gt: 1 } }, [['c', 1]])).toMatchObject({ index: { fields: ['b', 'c'] }, order: null })
  expect(choosePlan(col.indexes, { b: { $gt: 1 } }, [['b', 1], ['c', 1]])).toMatchObject({ index: { fields: ['b', 'c'] }, order: 'fwd' })
  expect(choosePlan(col.indexes, {}, [['a', 1]])).toMatchObject({ order: 'fwd', selective: false })
  expect(choosePlan(col.indexes, { c: 1, a: /x/ }, [])).toBeNull()
})

test('index maintenance on insert and remove keeps scans right', () => {
  const ix = new SortedIndex({ name: 'a', keys: [{ field: 'a', direction: 1 }], unique: true })
  ix.insert('x', { a: 2 })
  ix.insert('y', { a: 1 })
  ix.insert('z', { a: [1, 2] })
  expect([...ix.scan({ lower: [], lowerInclusive: true, upper: [], upperInclusive: true }, false)]).toEqual(['y', 'x'])
  expect([...ix.loose]).toEqual(['z'])
  expect(ix.duplicateOf('w', { a: 2 })).toBe('x')
  ix.remove('x', { a: 2 })
  expect(ix.duplicateOf('w', { a: 2 })).toBeUndefined()
})

test('a large scan without an index warns once per collection and query shape', () => {
  const lines: string[] = []
  const engine = new QueryEngine((l) => lines.push(l))
  const col = collection(Array.from({ length: 1500 }, (_x, i) => ({ a: i % 10, b: 'x', c: i % 5 })), false)
  engine.find(col, { c: 1 })
  engine.find(col, { c: 2 })
  engine.find(col, { a: { $gt: 3 } })
  expect(lines).toHaveLength(2)
  expect(lines[0]).toContain('collection "t"')
  expect(lines[0]).toContain('{"c":"number"}')
  const indexed = collection(Array.from({ length: 1500 }, (_x, i) => ({ a: i % 10, b: 'x', c: i % 5 })), true)
  engine.find(indexed, { a: 3 })
  engine.find(indexed, { b: 'x', c: { $gte: 0 } })
  expect(lines).toHaveLength(2)
})
