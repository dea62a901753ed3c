import { update as mingoUpdate } from 'mingo/updater'
import { WireError } from '../errors'
import { type Doc, clone } from './codec'

const OPERATORS = new Set(['$set', '$unset', '$inc', '$mul', '$push', '$pop', '$pull', '$pullAll', '$addToSet', '$rename', '$min', '$max', '$currentDate', '$bit'])

/**
 * Apply an update the way the cloud does.
 * - `merge: false` (doc.set): the document becomes `data` (keeping its _id).
 * - `merge: true` (update): `data` holds update operators ($set, $inc, $push…, nested dot paths);
 *   a plain object is treated as `$set` of its fields.
 * Returns the new document, or null when nothing changed.
 */
export function applyUpdate(id: string, current: Doc | null, data: Doc, merge: boolean): Doc | null {
  if (!merge) {
    if (data._id !== undefined && data._id !== id) throw new WireError('INVALID_PARAM', '不能更新_id的值 (cannot change _id)')
    return { _id: id, ...clone(data) }
  }
  const keys = Object.keys(data)
  const ops = keys.filter((k) => k.startsWith('$'))
  let modifier: Doc = data
  if (ops.length === 0) modifier = { $set: data }
  else if (ops.length !== keys.length) throw new WireError('INVALID_PARAM', 'update must not mix operators and plain fields')
  for (const op of Object.keys(modifier)) {
    if (!OPERATORS.has(op)) throw new WireError('INVALID_PARAM', `unknown update operator ${op}`)
    for (const field of Object.keys(modifier[op] ?? {})) {
      if (field === '_id' || field.startsWith('_id.')) throw new WireError('INVALID_PARAM', '不能更新_id的值 (cannot change _id)')
    }
  }
  const doc = clone(current ?? { _id: id })
  let changed: string[]
  try {
    // mingo ignores $sort/$slice/$position of $push when the array does not exist yet; MongoDB
    // creates it first. Do the same.
    const created = Object.entries((modifier.$push ?? {}) as Doc)
      .filter(([f, v]) => v && typeof v === 'object' && '$each' in v && valueAt(doc, f) === undefined)
      .map(([f]) => f)
    if (created.length) mingoUpdate(doc, { $set: Object.fromEntries(created.map((f) => [f, []])) })
    changed = mingoUpdate(doc, modifier as Parameters<typeof mingoUpdate>[1], undefined, undefined, { cloneMode: 'deep' })
  } catch (err) {
    throw new WireError('INVALID_PARAM', `invalid update: ${(err as Error).message}`)
  }
  return changed.length || !current ? doc : null
}

function valueAt(doc: Doc, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Doc)[part]
  }
  return cur
}
