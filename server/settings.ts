/**
 * One way to read a setting (the SLA, the points rules, …): a typed default, the stored document
 * over it, kept in the function instance for a while because settings change rarely and hot paths
 * would otherwise pay a read per call. Where a setting is stored more than once, the first document
 * found in `ids` wins (a community's own, then a wider default), then the built-in default.
 */
import { getOrNull, type Db, type Tx } from './db'

export interface SettingSpec<T> {
  collection: string
  /** The documents that may hold it, most specific first. */
  ids: () => string[]
  defaults: T
  /** The stored document (without `_id`) over the default. */
  read: (stored: Record<string, unknown>, defaults: T) => T
  /** How long an instance may answer from memory (other instances see a change within this time). */
  ttlMs: number
}

export interface Setting<T> {
  /** The value in force; `fresh` reads the database (pages where staff edit it). */
  load(db: Db | Tx, opts?: { fresh?: boolean; now?: number }): Promise<T>
  /** The instance that saved a new value uses it at once. */
  remember(value: T, now?: number): void
}

export function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
  const cache = new Map<string, { value: T; until: number }>()
  const key = () => spec.ids().join('|')
  return {
    async load(db, opts = {}) {
      const now = opts.now ?? Date.now()
      const hit = cache.get(key())
      if (!opts.fresh && hit && hit.until > now) return hit.value
      let value = spec.defaults
      for (const id of spec.ids()) {
        const doc = await getOrNull<Record<string, unknown> & { _id: string }>(db, spec.collection, id)
        if (!doc) continue
        const { _id, ...stored } = doc
        value = spec.read(stored, spec.defaults)
        break
      }
      cache.set(key(), { value, until: now + spec.ttlMs })
      return value
    },
    remember(value, now = Date.now()) {
      cache.set(key(), { value, until: now + spec.ttlMs })
    },
  }
}
