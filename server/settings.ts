/**
 * One way to read a setting (the SLA, the points rules, …): a typed default, the stored document
 * over it, kept in the function instance for a while because settings change rarely and hot paths
 * would otherwise pay a read per call. A setting is stored per community and per street: the
 * community's own document wins, then the street's default, then the built-in default.
 */
import type { Place } from '../core/community/places'
import { rows, type Db } from './db'

export interface SettingSpec<T> {
  collection: string
  /** The documents that may hold it for a place, most specific first (the community's, then the street's). */
  ids: (at: Place) => string[]
  defaults: T
  /** The stored document (without `_id`) over the default. */
  read: (stored: Record<string, unknown>, defaults: T) => T
  /** How long an instance may answer from memory (other instances see a change within this time). */
  ttlMs: number
}

export interface Setting<T> {
  /** The value in force; `fresh` reads the database (pages where staff edit it). */
  load(db: Db, at: Place, opts?: { fresh?: boolean; now?: number }): Promise<T>
  /** The instance that saved a new value uses it at once (a street default: its communities' cached values are dropped). */
  remember(at: Place, value: T | null, now?: number): void
}

export function defineSetting<T>(spec: SettingSpec<T>): Setting<T> {
  const cache = new Map<string, { value: T; until: number }>()
  const key = (at: Place) => spec.ids(at).join('|')
  return {
    async load(db, at, opts = {}) {
      const now = opts.now ?? Date.now()
      const hit = cache.get(key(at))
      if (!opts.fresh && hit && hit.until > now) return hit.value
      // every candidate document in one request; the most specific one found wins
      const ids = spec.ids(at)
      const found = await rows<Record<string, unknown> & { _id: string }>(db.collection(spec.collection).where({ _id: db.command.in(ids) }).limit(ids.length))
      const doc = ids.map((id) => found.find((d) => d._id === id)).find((d) => !!d)
      let value = spec.defaults
      if (doc) {
        const { _id, ...stored } = doc
        value = spec.read(stored, spec.defaults)
      }
      cache.set(key(at), { value, until: now + spec.ttlMs })
      return value
    },
    remember(at, value, now = Date.now()) {
      if (value === null) {
        for (const k of cache.keys()) if (k.endsWith(`|${spec.ids(at).at(-1)}`)) cache.delete(k)
      } else cache.set(key(at), { value, until: now + spec.ttlMs })
    },
  }
}
