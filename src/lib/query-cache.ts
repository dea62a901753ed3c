/**
 * The app's one query cache (no React, no Taro: unit-tested as plain logic). Every read the pages
 * make goes through it, keyed by action and input, so
 *   - a page shows what it had at once and refreshes behind it (stale-while-revalidate),
 *   - the same read from several pages at once is one call (in-flight requests are shared),
 *   - a failed refresh keeps the data on screen and adds the error beside it,
 *   - a successful change anywhere marks every read stale (`invalidateAll`), and
 *   - a persona switch or account deletion forgets everything (`clear`).
 * SWR would do this too, but costs 16 KB in the main package against ~2 KB here (docs/client.md).
 */

export interface Entry<T = unknown> {
  readonly data: T | undefined
  readonly error: unknown
  /** a request for this key is on its way */
  readonly fetching: boolean
  /** when the data was last fetched (ms since epoch), 0 if never */
  readonly at: number
  /** something changed since the data was fetched: refetch at the next chance */
  readonly stale: boolean
}

/** reads kept after their page closed, so coming back shows them at once */
const KEEP = 60

const EMPTY: Entry = Object.freeze({ data: undefined, error: undefined, fetching: false, at: 0, stale: true })

interface Slot {
  entry: Entry
  /** id of the newest request started; an older one finishing later is ignored */
  seq: number
  inflight?: Promise<void>
  /** the invalidation generation `inflight` was started in */
  inflightGen: number
  listeners: Set<() => void>
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same query. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  )
}

export class QueryCache {
  private slots = new Map<string, Slot>()
  private gen = 0
  private readonly changed = new Set<() => void>()
  constructor(private readonly now: () => number = Date.now) {}

  get<T>(key: string): Entry<T> {
    return (this.slots.get(key)?.entry ?? EMPTY) as Entry<T>
  }

  subscribe(key: string, listener: () => void): () => void {
    const slot = this.slot(key)
    slot.listeners.add(listener)
    return () => {
      slot.listeners.delete(listener)
      this.prune()
    }
  }

  /** Whether `key` needs a fetch: never fetched, marked stale, or older than `maxAgeMs`. */
  needsFetch(key: string, maxAgeMs: number): boolean {
    const e = this.get(key)
    if (e.fetching) return false
    return e.stale || e.at === 0 || this.now() - e.at >= maxAgeMs
  }

  /**
   * Fetch `key` with `load`; a request already on its way for the same key (and started after the
   * last invalidation) is shared. `merge` combines what is on screen with the new answer (paged lists).
   */
  fetch<T>(key: string, load: () => Promise<T>, merge?: (prev: T | undefined, next: T) => T): Promise<void> {
    const slot = this.slot(key)
    if (slot.inflight && slot.inflightGen === this.gen) return slot.inflight
    const mine = ++slot.seq
    const gen = this.gen
    this.write(slot, { fetching: true })
    const run = load().then(
      (data) => {
        if (mine !== slot.seq) return
        const prev = slot.entry.data as T | undefined
        // invalidated while on its way: the answer may predate the change, so stay stale
        this.write(slot, { data: merge ? merge(prev, data) : data, error: undefined, fetching: false, at: this.now(), stale: gen !== this.gen })
      },
      (error: unknown) => {
        if (mine !== slot.seq) return
        this.write(slot, { error, fetching: false })
      },
    )
    slot.inflight = run.finally(() => {
      if (mine === slot.seq) slot.inflight = undefined
    })
    slot.inflightGen = gen
    return slot.inflight
  }

  /** Change what is on screen for `key` (a paged list appending its next page). */
  update<T>(key: string, change: (prev: T | undefined) => T): void {
    const slot = this.slot(key)
    this.write(slot, { data: change(slot.entry.data as T | undefined) })
  }

  /** Something changed on the server: every read is stale; listeners refetch what is on screen. */
  invalidateAll(): void {
    this.gen++
    for (const slot of this.slots.values()) this.write(slot, { stale: true })
    for (const fn of [...this.changed]) fn()
  }

  /** Called after `invalidateAll`, once per change (the hooks refetch the visible page's reads). */
  onInvalidate(fn: () => void): () => void {
    this.changed.add(fn)
    return () => this.changed.delete(fn)
  }

  /** Forget everything (another person is using the app now). Subscribers see empty entries. */
  clear(): void {
    this.gen++
    for (const slot of this.slots.values()) {
      slot.seq++
      slot.inflight = undefined
      this.write(slot, EMPTY)
    }
    for (const [key, slot] of this.slots) if (!slot.listeners.size) this.slots.delete(key)
  }

  /** Keep at most `KEEP` reads nobody shows (the oldest go first): memory stays flat over a long session. */
  private prune(): void {
    const idle = [...this.slots].filter(([, s]) => !s.listeners.size && !s.inflight)
    if (idle.length <= KEEP) return
    idle.sort(([, a], [, b]) => a.entry.at - b.entry.at)
    for (const [key] of idle.slice(0, idle.length - KEEP)) this.slots.delete(key)
  }

  private slot(key: string): Slot {
    let s = this.slots.get(key)
    if (!s) this.slots.set(key, (s = { entry: EMPTY, seq: 0, inflightGen: -1, listeners: new Set() }))
    return s
  }

  private write(slot: Slot, patch: Partial<Entry>): void {
    slot.entry = { ...slot.entry, ...patch }
    for (const fn of [...slot.listeners]) fn()
  }
}

/** The app's cache: one per mini-program instance (and per browser tab in H5). */
export const queries = new QueryCache()
