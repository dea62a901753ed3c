import fs from 'node:fs'
import path from 'node:path'

/**
 * database/indexes.json — the collections and indexes the app needs, in one file used by the local
 * cloud (creates the collections, builds the indexes) and by deploy (creates them in the real cloud):
 *
 * { "collections": { "orders": { "indexes": [
 *     { "name": "status_createdAt", "keys": [{ "field": "status", "direction": 1 }, { "field": "createdAt", "direction": -1 }], "unique": false }
 * ] } } }
 *
 * `field` is a dot path; `direction` 1 or -1; `unique` defaults to false. `_id` is always unique and
 * needs no declaration.
 */
export interface IndexKey {
  field: string
  direction: 1 | -1
}
export interface IndexDeclaration {
  name: string
  keys: IndexKey[]
  unique: boolean
}
export interface Declarations {
  collections: Record<string, { indexes: IndexDeclaration[] }>
}

export const DEFAULT_INDEXES_FILE = path.resolve(__dirname, '../../database/indexes.json')

/** Validate a parsed declarations object; throws with a message naming the bad entry. */
export function parseDeclarations(raw: unknown, source = 'indexes.json'): Declarations {
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`)
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('must be an object with "collections"')
  const cols = (raw as { collections?: unknown }).collections ?? {}
  if (typeof cols !== 'object' || Array.isArray(cols)) fail('"collections" must be an object')
  const out: Declarations = { collections: {} }
  for (const [name, spec] of Object.entries(cols as Record<string, unknown>)) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) fail(`bad collection name "${name}"`)
    const list = (spec as { indexes?: unknown } | null)?.indexes ?? []
    if (!Array.isArray(list)) fail(`collections.${name}.indexes must be an array`)
    const names = new Set<string>()
    out.collections[name] = {
      indexes: (list as unknown[]).map((ix, i) => {
        const where = `collections.${name}.indexes[${i}]`
        const o = ix as Partial<IndexDeclaration> | null
        if (!o || typeof o.name !== 'string' || !o.name) fail(`${where}.name must be a non-empty string`)
        if (names.has(o!.name!)) fail(`${where}: duplicate index name "${o!.name}"`)
        names.add(o!.name!)
        if (!Array.isArray(o!.keys) || o!.keys.length === 0) fail(`${where}.keys must be a non-empty array`)
        const keys = o!.keys!.map((k, j) => {
          if (!k || typeof k.field !== 'string' || !k.field) fail(`${where}.keys[${j}].field must be a dot path`)
          if (k.direction !== 1 && k.direction !== -1) fail(`${where}.keys[${j}].direction must be 1 or -1`)
          return { field: k.field, direction: k.direction }
        })
        return { name: o!.name!, keys, unique: o!.unique === true }
      }),
    }
  }
  return out
}

/** Load the declarations file; a missing file means no declarations. */
export function loadDeclarations(file: string | undefined): Declarations {
  const f = file ?? DEFAULT_INDEXES_FILE
  if (!fs.existsSync(f)) {
    if (file) throw new Error(`indexes file not found: ${file}`)
    return { collections: {} }
  }
  return parseDeclarations(JSON.parse(fs.readFileSync(f, 'utf8')), f)
}
